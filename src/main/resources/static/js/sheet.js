// The portfolio sheet: moving through cells with the keyboard, rating a cell in place,
// selecting rows for a bulk change, and ordering columns in the column chooser.
(() => {
	const status = (text, failed) => {
		const element = document.getElementById('sheet-status');
		if (element) {
			element.textContent = text;
			element.classList.toggle('failed', Boolean(failed));
		}
	};
	const messages = () => document.getElementById('rate-messages');

	// Column chooser: move an entry up or down; the form submits the ticked ones in order.
	document.addEventListener('click', (event) => {
		const button = event.target.closest('button[data-move]');
		if (!button) {
			return;
		}
		const item = button.closest('li');
		if (button.dataset.move === 'up' && item.previousElementSibling) {
			item.parentNode.insertBefore(item, item.previousElementSibling);
		}
		else if (button.dataset.move === 'down' && item.nextElementSibling) {
			item.parentNode.insertBefore(item.nextElementSibling, item);
		}
		button.focus();
	});

	document.addEventListener('change', (event) => {
		if (event.target.id === 'select-all') {
			document.querySelectorAll('#sheet-grid input[name="ids"]').forEach((box) => {
				box.checked = event.target.checked;
			});
		}
	});

	const grid = () => document.getElementById('sheet-grid');
	let active = null;

	const activate = (cell) => {
		if (!cell) {
			return;
		}
		if (active && active !== cell) {
			active.setAttribute('tabindex', '-1');
			active.classList.remove('active');
		}
		active = cell;
		cell.setAttribute('tabindex', '0');
		cell.classList.add('active');
		cell.focus();
	};

	const cellAt = (row, index) => {
		const cells = row ? row.querySelectorAll('td[data-col]') : [];
		return cells[Math.min(index, cells.length - 1)] || null;
	};

	const dataRow = (row, step) => {
		let next = step > 0 ? row.nextElementSibling : row.previousElementSibling;
		while (next && !next.hasAttribute('data-id')) {
			next = step > 0 ? next.nextElementSibling : next.previousElementSibling;
		}
		return next;
	};

	const move = (cell, key) => {
		const row = cell.parentElement;
		const cells = Array.from(row.querySelectorAll('td[data-col]'));
		const index = cells.indexOf(cell);
		switch (key) {
			case 'ArrowLeft': return cells[index - 1] || cell;
			case 'ArrowRight': return cells[index + 1] || cell;
			case 'ArrowUp': return cellAt(dataRow(row, -1), index) || cell;
			case 'ArrowDown': return cellAt(dataRow(row, 1), index) || cell;
			default: return cell;
		}
	};

	const closeEditor = (cell, restore) => {
		const select = cell.querySelector('select.cell-editor');
		if (select) {
			select.remove();
			cell.querySelector('.cell-text').hidden = false;
		}
		if (restore) {
			activate(cell);
		}
	};

	const openEditor = (cell) => {
		const template = document.getElementById('levels-' + cell.dataset.edit);
		if (!template || cell.querySelector('select.cell-editor')) {
			return;
		}
		let text = cell.querySelector('.cell-text');
		if (!text) {
			text = document.createElement('span');
			text.className = 'cell-text';
			while (cell.firstChild) {
				text.appendChild(cell.firstChild);
			}
			cell.appendChild(text);
		}
		text.hidden = true;
		const select = document.createElement('select');
		select.className = 'cell-editor';
		select.setAttribute('aria-label', grid().querySelector('th[data-col="' + cell.dataset.col + '"]').textContent.trim());
		select.appendChild(template.content.cloneNode(true));
		select.value = cell.dataset.code || '';
		cell.appendChild(select);
		select.focus();
		select.addEventListener('keydown', (event) => {
			if (event.key === 'Escape') {
				event.preventDefault();
				event.stopPropagation();
				closeEditor(cell, true);
			}
			else if (event.key === 'Enter') {
				event.preventDefault();
				event.stopPropagation();
				save(cell, select.value);
			}
		});
		// leaving the editor (clicking elsewhere) cancels it; only this editor, never a newer one
		select.addEventListener('blur', () => setTimeout(() => {
			if (select.isConnected && document.activeElement !== select) {
				select.remove();
				text.hidden = false;
			}
		}, 150));
	};

	const save = (cell, level) => {
		if ((cell.dataset.code || '') === level) {
			closeEditor(cell, true);
			return;
		}
		const form = document.getElementById('rate-form');
		const row = cell.parentElement;
		form.elements.customer.value = row.dataset.id;
		form.elements.column.value = cell.dataset.edit;
		form.elements.level.value = level;
		form.elements.seen.value = row.dataset.seen || '';
		const column = cell.dataset.col;
		fetch(form.action, { method: 'POST', body: new FormData(form), headers: { 'HX-Request': 'true' } })
			.then((response) => response.text().then((html) => ({ response, html })))
			.then(({ response, html }) => {
				const holder = document.createElement('tbody');
				holder.innerHTML = html.trim();
				const fresh = holder.querySelector('tr');
				if (fresh) {
					row.replaceWith(fresh);
					activate(fresh.querySelector('td[data-col="' + column + '"]'));
				}
				const texts = messages();
				if (response.status === 409) {
					status(texts.dataset.conflict, true);
				}
				else if (!response.ok) {
					status(texts.dataset.failed, true);
				}
				else {
					status(texts.dataset.saved, false);
				}
			})
			.catch(() => status(messages().dataset.failed, true));
	};

	document.addEventListener('click', (event) => {
		const cell = event.target.closest('#sheet-grid td[data-col]');
		if (cell && !event.target.closest('a, select, input')) {
			activate(cell);
		}
	});

	document.addEventListener('dblclick', (event) => {
		const cell = event.target.closest('#sheet-grid td[data-edit]');
		if (cell) {
			openEditor(cell);
		}
	});

	document.addEventListener('keydown', (event) => {
		const cell = event.target.closest && event.target.closest('#sheet-grid td[data-col]');
		if (!cell || event.target.closest('select, input')) {
			return;
		}
		if (event.key.startsWith('Arrow')) {
			event.preventDefault();
			activate(move(cell, event.key));
		}
		else if (event.key === 'Enter') {
			event.preventDefault();
			if (cell.dataset.edit) {
				openEditor(cell);
			}
			else {
				const link = cell.querySelector('a');
				if (link) {
					link.click();
				}
			}
		}
	});

	// The first cell can be reached with Tab after every load of the grid.
	const prepare = () => {
		const first = grid() && grid().querySelector('td[data-col]');
		if (first) {
			first.setAttribute('tabindex', '0');
		}
		active = null;
	};
	document.addEventListener('DOMContentLoaded', prepare);
	document.addEventListener('htmx:afterSettle', prepare);
})();
