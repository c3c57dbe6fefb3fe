// Charts of the retention module: elements with data-retention-chart="<kind>" carry their data as JSON in
// data-retention-data. ECharts is loaded once, by app.js's loader; canvas rendering so
// that the toolbox can save each chart as PNG.
(function () {
	'use strict';

	// ECharts comes from app.js's loader (loaded on every page before this script)
	const echartsReady = () => window.loadECharts();

	const colours = ['#1f5f8b', '#7cc4f0', '#bc4749', '#e0a458', '#6a994e', '#8e7dbe'];

	function locale() {
		return document.documentElement.lang === 'nl' ? 'nl-NL' : 'en-GB';
	}

	function number(value, digits) {
		return value === null || value === undefined ? '—'
			: Number(value).toLocaleString(locale(), { maximumFractionDigits: digits === undefined ? 0 : digits });
	}

	function toolbox(data) {
		return { right: 10, feature: { saveAsImage: { name: data.fileName || 'chart', pixelRatio: 2, title: 'PNG' } } };
	}

	const renderers = {
		years(data) {
			return {
				animation: false,
				color: colours,
				toolbox: toolbox(data),
				tooltip: { trigger: 'axis' },
				legend: { bottom: 0 },
				grid: { left: 50, right: 60, top: 30, bottom: 50 },
				xAxis: { type: 'category', data: data.years },
				yAxis: [
					{ type: 'value', minInterval: 1, axisLabel: { formatter: (v) => number(v) } },
					{ type: 'value', min: 0, max: 100, axisLabel: { formatter: (v) => number(v) + ' %' } }
				],
				series: [
					{ name: data.labels.active, type: 'bar', data: data.active },
					{ name: data.labels.newCustomers, type: 'bar', data: data.newCustomers },
					{ name: data.labels.lost, type: 'bar', data: data.lost },
					{ name: data.labels.retention, type: 'line', yAxisIndex: 1, connectNulls: false, data: data.retention,
						tooltip: { valueFormatter: (v) => number(v, 1) + ' %' } }
				]
			};
		},
		cohorts(data) {
			return {
				animation: false,
				toolbox: toolbox(data),
				tooltip: { formatter: (p) => data.labels.cohort + ' ' + data.cohorts[p.value[1]] + ', ' + data.years[p.value[0]]
					+ ': ' + number(p.value[2], 1) + ' % (' + number(p.value[3]) + ')' },
				grid: { left: 60, right: 20, top: 30, bottom: 60 },
				xAxis: { type: 'category', data: data.years, splitArea: { show: true } },
				yAxis: { type: 'category', data: data.cohorts, inverse: true, name: data.labels.cohort },
				visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
					itemHeight: 120, inRange: { color: ['#fdecea', '#f3dc9b', '#7cc4f0', '#1f5f8b'] },
					formatter: (v) => number(v) + ' %' },
				series: [{ name: data.labels.share, type: 'heatmap', data: data.cells,
					label: { show: true, formatter: (p) => number(p.value[2]) + '%', fontSize: 11 } }]
			};
		},
		scenario(data) {
			return {
				animation: false,
				color: ['#6b7280', '#1f5f8b'],
				toolbox: toolbox(data),
				tooltip: { trigger: 'axis', valueFormatter: (v) => number(v) },
				legend: { bottom: 0 },
				grid: { left: 80, right: 20, top: 30, bottom: 50 },
				xAxis: { type: 'category', data: data.years },
				yAxis: { type: 'value', axisLabel: { formatter: (v) => number(v) } },
				series: data.series.map((s) => ({ name: s.name, type: 'bar', data: s.data }))
			};
		}
	};

	function render(root) {
		const elements = (root || document).querySelectorAll('[data-retention-chart]:not([data-rendered])');
		if (elements.length === 0) {
			return;
		}
		echartsReady().then((echarts) => {
			elements.forEach((element) => {
				const renderer = renderers[element.getAttribute('data-retention-chart')];
				if (!renderer) {
					return;
				}
				element.setAttribute('data-rendered', 'true');
				const chart = echarts.init(element, null, { renderer: 'canvas' });
				chart.setOption(renderer(JSON.parse(element.getAttribute('data-retention-data'))));
				window.addEventListener('resize', () => chart.resize());
			});
		});
	}

	document.addEventListener('DOMContentLoaded', () => render(document));
	document.addEventListener('htmx:afterSettle', (event) => render(event.target));
}());
