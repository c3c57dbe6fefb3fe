// The analysis pages: filters that apply themselves, and the charts (Pareto, whale curve, portfolio matrix,
// segments). Each chart element carries its data as JSON in data-analysis-chart; ECharts is loaded once, by app.js.
(function () {
	'use strict';

	// ECharts comes from app.js's loader (loaded on every page before this script)
	const loadECharts = () => window.loadECharts();

	const locale = () => (document.documentElement.lang === 'nl' ? 'nl-NL' : 'en-GB');
	const amount = (value) => Number(value).toLocaleString(locale(), { maximumFractionDigits: 0 });
	const percent = (value) => Number(value).toLocaleString(locale(), { maximumFractionDigits: 1 }) + ' %';
	const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
	const COLOURS = ['#1f5f8b', '#e0a458', '#6a994e', '#bc4749', '#8e7dbe', '#7cc4f0', '#4f772d', '#f2cc8f', '#577590', '#9a6700'];

	// PNG download of the chart as drawn (the canvas renderer makes saveAsImage a PNG).
	function toolbox(data) {
		return {
			right: 10,
			feature: { saveAsImage: { type: 'png', name: data.file || 'chart', title: data.saveLabel || 'PNG', pixelRatio: 2, backgroundColor: '#fff' } }
		};
	}

	function title(data) {
		return { text: data.title || '', left: 0, textStyle: { fontSize: 14, fontWeight: 600 } };
	}

	function pareto(data) {
		return {
			title: title(data),
			toolbox: toolbox(data),
			tooltip: { trigger: 'axis' },
			legend: { bottom: 0 },
			grid: { left: 70, right: 50, top: 45, bottom: 90 },
			xAxis: { type: 'category', data: data.names, axisLabel: { rotate: 45, fontSize: 10, formatter: (name) => (name.length > 14 ? name.slice(0, 13) + '…' : name) } },
			yAxis: [
				{ type: 'value', axisLabel: { formatter: amount } },
				{ type: 'value', min: 0, max: (value) => Math.max(100, Math.ceil(value.max / 10) * 10), axisLabel: { formatter: '{value} %' } }
			],
			series: [
				{ name: data.valueLabel, type: 'bar', data: data.values, itemStyle: { color: COLOURS[0] }, tooltip: { valueFormatter: amount } },
				{ name: data.cumulativeLabel, type: 'line', yAxisIndex: 1, data: data.cumulative, symbolSize: 4, itemStyle: { color: COLOURS[1] }, tooltip: { valueFormatter: percent } }
			]
		};
	}

	function whale(data) {
		return {
			title: title(data),
			toolbox: toolbox(data),
			tooltip: { trigger: 'axis', valueFormatter: percent },
			grid: { left: 60, right: 30, top: 45, bottom: 50 },
			xAxis: { type: 'value', min: 0, max: 100, name: data.xLabel, nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: '{value} %' } },
			yAxis: { type: 'value', min: (value) => Math.min(0, Math.floor(value.min / 10) * 10), name: data.yLabel, axisLabel: { formatter: '{value} %' } },
			series: [
				{ name: data.yLabel, type: 'line', showSymbol: false, data: data.points, areaStyle: { opacity: 0.12 }, itemStyle: { color: COLOURS[0] },
					markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' }, data: [{ yAxis: 100 }] } }
			]
		};
	}

	function matrix(data, element) {
		const maxSize = Math.max(1, ...data.series.flatMap((series) => series.points.map((point) => Math.abs(point.size || 0))));
		const size = (point) => 8 + 40 * Math.sqrt(Math.abs(point.size || 0) / maxSize);
		return {
			title: title(data),
			toolbox: toolbox(data),
			legend: { bottom: 0, type: 'scroll' },
			grid: { left: 60, right: 30, top: 45, bottom: 70 },
			tooltip: {
				trigger: 'item',
				formatter: (item) => '<strong>' + escape(item.data.name) + '</strong><br>' + escape(data.xLabel) + ': ' + escape(item.data.value[0])
					+ '<br>' + escape(data.yLabel) + ': ' + escape(item.data.value[1]) + '<br>' + escape(data.revenueLabel) + ': ' + escape(item.data.revenue)
			},
			xAxis: { type: 'value', name: data.xLabel, nameLocation: 'middle', nameGap: 28, min: data.xMin, max: data.xMax, scale: data.xMin === undefined },
			yAxis: { type: 'value', name: data.yLabel, nameLocation: 'middle', nameGap: 45, min: data.yMin, max: data.yMax, scale: data.yMin === undefined },
			series: data.series.map((series, index) => ({
				name: series.name,
				type: 'scatter',
				itemStyle: { color: COLOURS[index % COLOURS.length], opacity: 0.75 },
				data: series.points.map((point) => ({ value: [point.x, point.y], symbolSize: size(point), id: point.id, name: point.name, revenue: point.revenue })),
				markLine: index === 0 ? {
					silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#888' },
					data: [{ xAxis: data.xThreshold }, { yAxis: data.yThreshold }]
				} : undefined
			}))
		};
	}

	function bars(data) {
		return {
			title: title(data),
			toolbox: toolbox(data),
			tooltip: { trigger: 'axis' },
			legend: { bottom: 0, type: 'scroll' },
			grid: { left: 70, right: 30, top: 45, bottom: 60 },
			xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, fontSize: 11 } },
			yAxis: { type: 'value', axisLabel: { formatter: data.percent ? '{value} %' : amount } },
			series: data.series.map((series, index) => ({ name: series.name, type: 'bar', stack: data.stacked ? 'all' : undefined, data: series.data, itemStyle: { color: COLOURS[index % COLOURS.length] } }))
		};
	}

	const KINDS = { pareto, whale, matrix, bars };

	function renderCharts(root) {
		const elements = (root || document).querySelectorAll('[data-analysis-chart]:not([data-rendered])');
		if (elements.length === 0) {
			return;
		}
		loadECharts().then((echarts) => {
			elements.forEach((element) => {
				const data = JSON.parse(element.getAttribute('data-analysis-chart'));
				const build = KINDS[data.kind];
				if (!build) {
					return;
				}
				element.setAttribute('data-rendered', 'true');
				const chart = echarts.init(element, null, { renderer: 'canvas' });
				chart.setOption(Object.assign({ animation: false, color: COLOURS }, build(data, element)));
				if (data.kind === 'matrix') {
					// a bubble opens its customer
					chart.on('click', (item) => {
						if (item.data && item.data.id) {
							window.location.href = '/customers/' + item.data.id;
						}
					});
				}
				element.setAttribute('data-points', String(countPoints(data)));
				window.addEventListener('resize', () => chart.resize());
			});
		});
	}

	function countPoints(data) {
		if (data.kind === 'matrix') {
			return data.series.reduce((sum, series) => sum + series.points.length, 0);
		}
		if (data.kind === 'whale') {
			return data.points.length;
		}
		if (data.kind === 'pareto') {
			return data.values.length;
		}
		return data.series.reduce((sum, series) => sum + series.data.length, 0);
	}

	// Filters apply as soon as one changes.
	document.addEventListener('change', (event) => {
		const form = event.target.form;
		if (form && form.hasAttribute('data-auto-submit')) {
			form.submit();
		}
	});

	document.addEventListener('DOMContentLoaded', () => renderCharts(document));
	document.addEventListener('htmx:afterSettle', (event) => renderCharts(event.target));
}());
