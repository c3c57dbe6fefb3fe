// Small behaviours that pages opt into with data attributes; kept out of the HTML so the
// Content-Security-Policy can forbid inline scripts.
document.addEventListener('submit', (event) => {
	const form = event.target;
	const question = form.getAttribute && form.getAttribute('data-confirm');
	if (question && !window.confirm(question)) {
		event.preventDefault();
	}
}, true);

// Charts: an element with data-chart holds its data as JSON; ECharts is loaded the first time one is shown.
// loadECharts is global: the modules' own chart scripts load ECharts through it too.
let echartsLoading = null;

function loadECharts() {
	if (window.echarts) {
		return Promise.resolve(window.echarts);
	}
	if (!echartsLoading) {
		echartsLoading = new Promise((resolve, reject) => {
			const script = document.createElement('script');
			script.src = '/webjars/echarts/dist/echarts.min.js';
			script.onload = () => resolve(window.echarts);
			script.onerror = reject;
			document.head.appendChild(script);
		});
	}
	return echartsLoading;
}

function renderCharts(root) {
	const charts = (root || document).querySelectorAll('[data-chart]:not([data-rendered])');
	if (charts.length === 0) {
		return;
	}
	loadECharts().then((echarts) => {
		charts.forEach((element) => {
			element.setAttribute('data-rendered', 'true');
			const data = JSON.parse(element.getAttribute('data-chart'));
			const locale = document.documentElement.lang === 'nl' ? 'nl-NL' : 'en-GB';
			const money = (value) => Number(value).toLocaleString(locale, { maximumFractionDigits: 0 });
			const chart = echarts.init(element, null, { renderer: 'svg' });
			chart.setOption({
				animation: false,
				color: ['#1f5f8b', '#7cc4f0', '#e0a458', '#6a994e', '#bc4749', '#8e7dbe', '#4f772d', '#f2cc8f', '#577590'],
				tooltip: { trigger: 'axis', valueFormatter: money },
				legend: { bottom: 0, type: 'scroll' },
				grid: { left: 70, right: 20, top: 20, bottom: 50 },
				xAxis: { type: 'category', data: data.years },
				yAxis: { type: 'value', axisLabel: { formatter: money } },
				series: data.series.map((series) => ({ name: series.name, type: 'bar', stack: 'total', data: series.data }))
			});
			window.addEventListener('resize', () => chart.resize());
		});
	});
}

document.addEventListener('DOMContentLoaded', () => renderCharts(document));
document.addEventListener('htmx:afterSettle', (event) => renderCharts(event.target));
