// Coverage board: per park, the plan's rows (module × class) against their targets; a row opens
// its silent points; the day's completeness figures below. Falls back to /api/v1/coverage
// (ratios without silent points) while /api/v1/coverage/board is not served.
import { ApiError, getJson, zoneOf } from './api.js';
import { h, unavailable } from './dom.js';
import { formatNumber, formatPercent, formatTime, onLanguage, t } from './i18n.js';

const REFRESH_MS = 15000;

export class CoverageView {
  constructor(container, openPoint) {
    this.container = container;
    this.openPoint = openPoint;
    this.board = null;
    this.error = null;
    this.degraded = false;
    this.expanded = new Set();
    this.timer = null;
    onLanguage(() => this.render());
  }

  async start() {
    await this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  async refresh() {
    try {
      const board = await getJson('/api/v1/coverage/board');
      if (!board || !Array.isArray(board.parks)) {
        // An older service answers this path with its /api/v1/coverage handler (prefix match).
        throw new ApiError(404, { error: 'not_found' }, '/api/v1/coverage/board');
      }
      this.board = board;
      this.degraded = false;
      this.error = null;
    } catch (error) {
      if (!(error instanceof ApiError) || !error.unavailable) {
        this.error = error;
      } else {
        await this.fallback(error);
      }
    }
    this.render();
  }

  /** The older endpoint's latest rows, grouped by park, with no silent points. */
  async fallback(boardError) {
    try {
      const flat = await getJson('/api/v1/coverage');
      const byPark = new Map();
      for (const row of flat.rows) {
        if (!byPark.has(row.park)) {
          byPark.set(row.park, { park: row.park, name: row.park, timeZone: zoneOf(row.park), computedAt: row.time,
            rows: [], completeness: null });
        }
        byPark.get(row.park).rows.push({ ...row, silent: null });
      }
      this.board = { parks: [...byPark.values()] };
      this.degraded = true;
      this.error = null;
    } catch (error) {
      this.error = boardError;
    }
  }

  render() {
    if (this.error) {
      unavailable(this.container, this.error);
      return;
    }
    if (!this.board) {
      this.container.replaceChildren(h('p', { class: 'muted' }, t('loading')));
      return;
    }
    const parts = [];
    if (this.degraded) {
      parts.push(h('p', { class: 'notice', 'data-state': 'degraded' }, t('coverage.silentUnavailable')));
    }
    if (this.board.parks.length === 0) {
      parts.push(h('p', { class: 'muted' }, t('coverage.none')));
    }
    for (const park of this.board.parks) {
      parts.push(this.park(park));
    }
    this.container.replaceChildren(...parts);
  }

  park(park) {
    const zone = park.timeZone || zoneOf(park.park);
    const rows = [...park.rows].sort((a, b) => a.module.localeCompare(b.module) || a.class.localeCompare(b.class));
    const body = [];
    for (const row of rows) {
      const key = `${park.park}|${row.module}|${row.class}`;
      body.push(h('tr', { class: `coverage-row ${row.compliant ? 'compliant' : 'short'}`,
        dataset: { module: row.module, class: row.class }, tabindex: 0,
        onclick: () => this.toggle(key) },
      h('td', null, t(`module.${row.module}`)),
      h('td', null, row.class),
      h('td', { class: 'num' }, row.required),
      h('td', { class: 'num' }, row.live),
      h('td', { class: 'num' }, h('span', { class: 'ratio-bar' },
        h('span', { style: `width:${Math.min(100, Math.round(row.ratio * 100))}%` })), ' ', formatPercent(row.ratio)),
      h('td', { class: 'num' }, formatPercent(row.target)),
      h('td', { class: 'compliance' }, row.compliant ? t('coverage.yes') : t('coverage.no'))));
      if (this.expanded.has(key)) {
        body.push(this.silent(row, zone));
      }
    }
    return h('section', { class: 'park-board', dataset: { park: park.park } },
      h('h2', null, park.name || park.park, ' ',
        h('span', { class: 'muted' }, t('coverage.computedAt', { time: formatTime(park.computedAt, zone) }), ' · ',
          t('time.zone', { zone }))),
      h('table', { class: 'coverage' },
        h('thead', null, h('tr', null, ['coverage.module', 'coverage.class', 'coverage.required', 'coverage.live',
          'coverage.ratio', 'coverage.target', 'coverage.compliant'].map(k => h('th', null, t(k))))),
        h('tbody', null, body)),
      this.completeness(park.completeness));
  }

  toggle(key) {
    if (this.expanded.has(key)) {
      this.expanded.delete(key);
    } else {
      this.expanded.add(key);
    }
    this.render();
  }

  silent(row, zone) {
    let content;
    if (row.silent === null || row.silent === undefined) {
      content = h('p', { class: 'muted' }, t('coverage.silentUnavailable'));
    } else if (row.silent.length === 0) {
      content = h('p', { class: 'muted' }, t('coverage.noSilent'));
    } else {
      content = h('div', null,
        h('h3', null, t('coverage.silent'), row.silentTruncated ? ` ${t('coverage.truncated')}` : ''),
        h('ul', { class: 'silent-points' }, row.silent.map(point => h('li', { dataset: { point: point.point } },
          h('a', { href: '#', onclick: event => {
            event.preventDefault();
            this.openPoint(point.point);
          } }, point.point), ' · ', point.enterprise || '', ' · ', t('coverage.silentSince'), ' ',
          point.silentSince ? formatTime(point.silentSince, zone) : t('coverage.never')))));
    }
    return h('tr', { class: 'silent-detail' }, h('td', { colspan: 7 }, content));
  }

  completeness(figures) {
    if (!figures) {
      return h('p', { class: 'muted completeness' }, t('completeness.none'));
    }
    return h('div', { class: 'completeness' }, h('h3', null, t('coverage.completeness')),
      h('dl', null,
        h('dt', null, t('completeness.day')), h('dd', null, figures.day),
        h('dt', null, t('completeness.expected')), h('dd', null, formatNumber(figures.expected, 0)),
        h('dt', null, t('completeness.received')), h('dd', null, formatNumber(figures.received, 0)),
        h('dt', null, t('completeness.normal')), h('dd', null, formatNumber(figures.normal, 0)),
        h('dt', null, t('completeness.ratio')), h('dd', null, formatPercent(figures.ratio)),
        h('dt', null, t('completeness.validHours')), h('dd', null,
          `${formatNumber(figures.validHours, 0)} / ${formatNumber(figures.ratedHours, 0)}`),
        h('dt', null, t('completeness.points')), h('dd', null,
          `${formatNumber(figures.compliantPoints, 0)} / ${formatNumber(figures.points, 0)}`)));
  }
}
