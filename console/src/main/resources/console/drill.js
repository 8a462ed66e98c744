// Point drill-down: recent readings and hourly means of one point as an SVG chart, with the
// limit lines of the rules in force, exceedances marked and quality flags visible.
import { getJson, zoneOf } from './api.js';
import { h, svg, unavailable } from './dom.js';
import { formatNumber, formatTime, onLanguage, t } from './i18n.js';

const WIDTH = 960;
const HEIGHT = 340;
const MARGIN = { left: 64, right: 150, top: 16, bottom: 36 };

export class DrillView {
  constructor(container) {
    this.container = container;
    this.point = '';
    this.metric = '';
    this.hours = 24;
    this.series = null;
    this.error = null;
    onLanguage(() => this.render());
  }

  start() {
    this.render();
  }

  stop() {
  }

  async show(point, metric) {
    this.point = point || '';
    this.metric = metric || '';
    this.series = null;
    this.error = null;
    this.render();
    if (!this.point) {
      return;
    }
    const query = new URLSearchParams({ point: this.point, hours: String(this.hours) });
    if (this.metric) {
      query.set('metric', this.metric);
    }
    try {
      this.series = await getJson(`/api/v1/points/series?${query}`);
      this.metric = this.series.metric || this.metric;
    } catch (error) {
      this.error = error;
    }
    this.render();
  }

  form() {
    const metrics = (this.series && this.series.metrics) || (this.metric ? [this.metric] : []);
    const pointInput = h('input', { id: 'drill-point', name: 'point', value: this.point, size: 36,
      placeholder: 'park/enterprise/point' });
    const metricSelect = h('select', { id: 'drill-metric', name: 'metric' },
      h('option', { value: '' }, '–'), metrics.map(m => h('option', { value: m }, m)));
    metricSelect.value = this.metric;
    const hoursSelect = h('select', { id: 'drill-hours', name: 'hours' },
      [6, 24, 72, 168].map(n => h('option', { value: n }, n)));
    hoursSelect.value = String(this.hours);
    return h('form', { class: 'filters', onsubmit: event => {
      event.preventDefault();
      this.hours = Number(hoursSelect.value);
      const point = pointInput.value.trim();
      this.show(point, point === this.point ? metricSelect.value : '');
    } },
    h('label', null, t('drill.point'), ' ', pointInput),
    h('label', null, t('drill.metric'), ' ', metricSelect),
    h('label', null, t('drill.hours'), ' ', hoursSelect),
    h('button', { type: 'submit' }, t('drill.show')));
  }

  render() {
    const parts = [this.form()];
    if (!this.point) {
      parts.push(h('p', { class: 'muted' }, t('drill.hint')));
    } else if (this.error) {
      const holder = h('div');
      unavailable(holder, this.error);
      parts.push(holder);
    } else if (!this.series) {
      parts.push(h('p', { class: 'muted' }, t('loading')));
    } else {
      parts.push(h('h2', null, `${this.series.point} · ${this.series.metric}`,
        this.series.unit ? ` (${this.series.unit})` : ''));
      if (this.series.readingsTruncated) {
        parts.push(h('p', { class: 'notice' }, t('drill.truncated')));
      }
      parts.push(this.series.readings.length + this.series.hourly.length === 0
        ? h('p', { class: 'muted' }, t('drill.noData')) : chart(this.series, zoneOf(this.series.point.split('/')[0])));
    }
    this.container.replaceChildren(...parts);
  }
}

function chart(series, zone) {
  const readings = series.readings.map(r => ({ ...r, at: Date.parse(r.time) }));
  const hourly = series.hourly.map(r => ({ ...r, at: Date.parse(r.time) }));
  const times = [...readings.map(r => r.at), ...hourly.map(r => r.at), ...hourly.map(r => r.at + 3600000)];
  const values = [...readings.map(r => r.value), ...hourly.map(r => r.mean), ...series.limits.map(l => l.value)];
  const x0 = Math.min(...times);
  const x1 = Math.max(...times, x0 + 60000);
  let y0 = Math.min(...values);
  let y1 = Math.max(...values);
  const pad = (y1 - y0) * 0.08 || Math.abs(y1) * 0.1 || 1;
  y0 -= pad;
  y1 += pad;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = at => MARGIN.left + ((at - x0) / (x1 - x0)) * plotW;
  const y = value => MARGIN.top + (1 - (value - y0) / (y1 - y0)) * plotH;
  const sameDay = x1 - x0 < 20 * 3600000;
  const children = [];
  for (let i = 0; i <= 5; i++) {
    const value = y0 + ((y1 - y0) * i) / 5;
    children.push(svg('line', { class: 'grid', x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(value), y2: y(value) }),
      svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, formatNumber(value)));
    const at = x0 + ((x1 - x0) * i) / 5;
    children.push(svg('text', { class: 'tick', x: x(at), y: HEIGHT - 12, 'text-anchor': 'middle' },
      formatTime(new Date(at).toISOString(), zone, !sameDay)));
  }
  for (const bar of hourly) {
    children.push(svg('rect', { class: 'hourly', x: x(bar.at), y: y(bar.mean), width: Math.max(1, x(bar.at + 3600000)
      - x(bar.at) - 1), height: Math.max(0, MARGIN.top + plotH - y(bar.mean)) },
    svg('title', null, `${t('drill.hourly')} ${formatTime(bar.time, zone)}: ${formatNumber(bar.mean)} `
      + `(${formatNumber(bar.min)}–${formatNumber(bar.max)}, n=${bar.count})`)));
  }
  for (const limit of series.limits) {
    children.push(svg('line', { class: `limit sev-${limit.severity}`, x1: MARGIN.left, x2: MARGIN.left + plotW,
      y1: y(limit.value), y2: y(limit.value) }),
    svg('text', { class: `limit-label sev-${limit.severity}`, x: MARGIN.left + plotW + 6, y: y(limit.value) + 4 },
      `${limit.direction === 'below' ? '≤' : '≥'} ${formatNumber(limit.value)} ${limit.ruleId}`));
  }
  if (readings.length > 1) {
    children.push(svg('polyline', { class: 'readings', points: readings.map(r => `${x(r.at)},${y(r.value)}`).join(' ') }));
  }
  for (const reading of readings) {
    const flagged = reading.quality && reading.quality !== 'N';
    children.push(svg('circle', { class: flagged ? 'reading flagged' : 'reading', cx: x(reading.at),
      cy: y(reading.value), r: flagged ? 4 : 2.5 },
    svg('title', null, `${formatTime(reading.time, zone)}: ${formatNumber(reading.value)} [${reading.quality}]`)));
    if (flagged) {
      children.push(svg('text', { class: 'flag', x: x(reading.at), y: y(reading.value) - 7, 'text-anchor': 'middle' },
        reading.quality));
    }
  }
  for (const exceedance of series.exceedances) {
    children.push(svg('circle', { class: `exceedance sev-${exceedance.severity}`, cx: x(Date.parse(exceedance.time)),
      cy: y(exceedance.value), r: 6 },
    svg('title', null, `${t('drill.exceedance')} ${formatTime(exceedance.time, zone)}: ${formatNumber(exceedance.value)}`)));
  }
  const legend = svg('g', { class: 'legend', transform: `translate(${MARGIN.left + plotW + 6}, ${HEIGHT - 90})` },
    svg('circle', { class: 'reading', cx: 5, cy: 0, r: 3 }), svg('text', { x: 14, y: 4 }, t('drill.readings')),
    svg('rect', { class: 'hourly', x: 0, y: 12, width: 10, height: 10 }), svg('text', { x: 14, y: 21 }, t('drill.hourly')),
    svg('circle', { class: 'reading flagged', cx: 5, cy: 34, r: 4 }), svg('text', { x: 14, y: 38 }, t('drill.flagged')),
    svg('circle', { class: 'exceedance sev-CRITICAL', cx: 5, cy: 51, r: 5 }),
    svg('text', { x: 14, y: 55 }, t('drill.exceedance')));
  return svg('svg', { id: 'drill-chart', class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img' },
    svg('rect', { class: 'plot', x: MARGIN.left, y: MARGIN.top, width: plotW, height: plotH }), children, legend);
}
