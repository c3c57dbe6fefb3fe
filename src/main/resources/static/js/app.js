// Small behaviours that pages opt into with data attributes; kept out of the HTML so the
// Content-Security-Policy can forbid inline scripts.
document.addEventListener('submit', (event) => {
	const form = event.target;
	const question = form.getAttribute && form.getAttribute('data-confirm');
	if (question && !window.confirm(question)) {
		event.preventDefault();
	}
}, true);
