// Alerts view: the board listed once, then kept live from the server-sent event stream; open
// alerts most severe and newest first, cleared ones fading into a recent-history list.
import { ApiError, getJson, parkName, parks, postJson, readEvents, zoneOf } from './api.js';
import { h, select } from './dom.js';
import { formatNumber, formatTime, onLanguage, t } from './i18n.js';

const SEVERITY_RANK = { CRITICAL: 3, WARNING: 2, INFO: 1 };
const MODULES = ['ECONOMIC', 'ENERGY', 'SAFETY', 'LOGISTICS', 'ENVIRONMENT'];
const RECENT_SHOWN = 50;

export class AlertsView {
  constructor(container, banner, dialog, openPoint) {
    this.container = container;
    this.banner = banner;
    this.dialog = dialog;
    this.openPoint = openPoint;
    this.alerts = new Map();
    this.filters = { park: '', module: '', severity: '', state: '' };
    this.pending = new Map();
    this.flashing = new Set();
    this.abort = null;
    this.scheduled = false;
    this.filterHost = h('div');
    this.tableHost = h('div');
    this.parkIds = '';
    container.replaceChildren(this.filterHost, this.tableHost);
    onLanguage(() => {
      this.parkIds = '';
      this.render();
    });
    this.bindDialog();
  }

  async start() {
    await parks();
    this.render();
    this.connect();
  }

  stop() {
    if (this.abort) {
      this.abort.abort();
      this.abort = null;
    }
  }

  /** Lists the board, then follows the stream; reconnects (and lists again) when it ends. */
  async connect() {
    let delay = 1000;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    while (!signal.aborted) {
      // One stream per attempt: a failed listing must not leave the previous stream running.
      const attempt = new AbortController();
      const relay = () => attempt.abort();
      signal.addEventListener('abort', relay);
      try {
        const streaming = readEvents('/api/v1/alerts/stream', (name, data) => {
          if (name === 'alert') {
            this.upsert(JSON.parse(data), true);
          }
        }, attempt.signal);
        streaming.catch(() => {});
        const listed = await getJson('/api/v1/alerts?state=all&limit=1000');
        listed.alerts.forEach(alert => this.upsert(alert, false));
        this.setLive(true);
        delay = 1000;
        await streaming;
      } catch (error) {
        if (signal.aborted) {
          return;
        }
        if (error instanceof ApiError && error.status === 401) {
          window.dispatchEvent(new CustomEvent('parkwatch:unauthorized'));
          return;
        }
      } finally {
        attempt.abort();
        signal.removeEventListener('abort', relay);
      }
      this.setLive(false);
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15000);
    }
  }

  setLive(live) {
    const status = document.getElementById('stream-status');
    status.dataset.state = live ? 'live' : 'reconnecting';
    status.dataset.i18n = live ? 'stream.live' : 'stream.reconnecting';
    status.textContent = t(status.dataset.i18n);
  }

  /** Keeps the newer version of an alert; a new critical one coming live is flagged. */
  upsert(alert, live) {
    const known = this.alerts.get(alert.alertId);
    if (known && known.updatedAt && alert.updatedAt && alert.updatedAt < known.updatedAt) {
      return;
    }
    this.alerts.set(alert.alertId, alert);
    if (alert.state !== 'open' || (known && known.state !== alert.state)) {
      this.pending.delete(alert.alertId);
    }
    if (live && alert.severity === 'CRITICAL' && alert.state === 'open'
        && (!known || known.severity !== 'CRITICAL')) {
      this.flagCritical(alert);
    }
    this.schedule();
  }

  flagCritical(alert) {
    this.flashing.add(alert.alertId);
    setTimeout(() => {
      this.flashing.delete(alert.alertId);
      this.schedule();
    }, 20000);
    this.banner.replaceChildren(h('strong', { 'data-i18n': 'alerts.newCritical' }, t('alerts.newCritical')), ' ',
      `${alert.enterprise} · ${alert.pointKey} · ${alert.ruleId} · ${valueText(alert)}`);
    this.banner.hidden = false;
    this.banner.classList.remove('flash');
    void this.banner.offsetWidth;
    this.banner.classList.add('flash');
  }

  schedule() {
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => {
        this.scheduled = false;
        this.render();
      });
    }
  }

  matches(alert) {
    const f = this.filters;
    return (!f.park || alert.park === f.park) && (!f.module || alert.module === f.module)
      && (!f.severity || alert.severity === f.severity) && (!f.state || alert.state === f.state);
  }

  render() {
    const all = [...this.alerts.values()].filter(alert => this.matches(alert));
    const open = all.filter(alert => alert.state !== 'cleared').sort((a, b) =>
      (SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0)
      || String(b.lastSeen).localeCompare(String(a.lastSeen)));
    const recent = all.filter(alert => alert.state === 'cleared')
      .sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt))).slice(0, RECENT_SHOWN);
    const parkIds = [...new Set([...this.alerts.values()].map(alert => alert.park))].sort();
    if (parkIds.join() !== this.parkIds || this.filterHost.childElementCount === 0) {
      // Rebuilt only when its choices change, so an open drop-down is not pulled away by live events.
      this.parkIds = parkIds.join();
      this.filterHost.replaceChildren(this.filterBar(parkIds));
    }
    this.tableHost.replaceChildren(
      h('h2', null, t('alerts.open'), ' ', h('span', { class: 'count', id: 'open-count' }, open.length)),
      this.table(open, 'open-alerts', false),
      h('h2', null, t('alerts.recent'), ' ', h('span', { class: 'count' }, recent.length)),
      this.table(recent, 'recent-alerts', true));
  }

  filterBar(parkIds) {
    const all = ['', t('filter.all')];
    const change = key => value => {
      this.filters[key] = value;
      this.render();
    };
    return h('div', { class: 'filters' },
      h('label', null, t('filter.park'), ' ', select('filter-park',
        [all, ...parkIds.map(id => [id, parkName(id)])], this.filters.park, change('park'))),
      h('label', null, t('filter.module'), ' ', select('filter-module',
        [all, ...MODULES.map(m => [m, t(`module.${m}`)])], this.filters.module, change('module'))),
      h('label', null, t('filter.severity'), ' ', select('filter-severity',
        [all, ...['CRITICAL', 'WARNING', 'INFO'].map(s => [s, t(`severity.${s}`)])], this.filters.severity,
        change('severity'))),
      h('label', null, t('filter.state'), ' ', select('filter-state',
        [all, ...['open', 'acknowledged', 'cleared'].map(s => [s, t(`state.${s}`)])], this.filters.state,
        change('state'))));
  }

  table(alerts, id, history) {
    const columns = ['col.severity', 'col.enterprise', 'col.point', 'col.rule', 'col.value', 'col.firstSeen',
      history ? 'col.clearedAt' : 'col.lastSeen', 'col.count', 'col.state', 'col.action'];
    const body = alerts.length === 0
      ? [h('tr', null, h('td', { colspan: columns.length, class: 'muted' }, t('alerts.none')))]
      : alerts.map(alert => this.row(alert, history));
    return h('table', { id, class: history ? 'alerts history' : 'alerts' },
      h('thead', null, h('tr', null, columns.map(key => h('th', null, t(key))))),
      h('tbody', null, body));
  }

  row(alert, history) {
    const zone = zoneOf(alert.park);
    const classes = [`sev-${alert.severity}`, `state-${alert.state}`];
    if (history) {
      classes.push('fading');
    }
    if (this.flashing.has(alert.alertId)) {
      classes.push('flash');
    }
    const stateText = alert.state === 'acknowledged' && alert.acknowledgedBy
      ? `${t('state.acknowledged')} · ${t('ack.by', { who: alert.acknowledgedBy })}${alert.note ? ` · ${alert.note}` : ''}`
      : t(`state.${alert.state}`);
    return h('tr', { class: classes.join(' '), dataset: { alertId: alert.alertId, state: alert.state } },
      h('td', null, h('span', { class: `badge sev-${alert.severity}` }, t(`severity.${alert.severity}`))),
      h('td', null, alert.enterprise),
      h('td', { class: 'point' }, alert.pointKey),
      h('td', null, alert.ruleId),
      h('td', { class: alert.value !== undefined && alert.value !== null ? 'num value' : 'value message' },
        valueText(alert)),
      h('td', { class: 'time' }, formatTime(alert.firstSeen, zone)),
      h('td', { class: 'time' }, formatTime(history ? alert.updatedAt : alert.lastSeen, zone)),
      h('td', { class: 'num' }, alert.occurrences),
      h('td', { class: 'state', 'data-state': alert.state }, this.pending.has(alert.alertId) && alert.state === 'open'
        ? t('ack.sent') : stateText),
      h('td', { class: 'actions' },
        !history && alert.state === 'open'
          ? h('button', { class: 'ack', type: 'button', onclick: () => this.askAck(alert) }, t('ack.button'))
          : null,
        h('button', { class: 'drill', type: 'button', onclick: () => this.openPoint(alert.pointKey, alert.metric) },
          t('drill.open'))));
  }

  bindDialog() {
    const form = this.dialog.querySelector('form');
    this.dialog.querySelector('.cancel').addEventListener('click', () => this.dialog.close());
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const alertId = this.dialog.dataset.alertId;
      const note = form.elements.note.value.trim();
      const error = this.dialog.querySelector('.error');
      try {
        await postJson(`/api/v1/alerts/${encodeURIComponent(alertId)}/ack`, { note });
        this.pending.set(alertId, Date.now());
        this.dialog.close();
        this.render();
      } catch (failure) {
        error.textContent = t('ack.failed', { reason: failure.message });
      }
    });
  }

  askAck(alert) {
    this.dialog.dataset.alertId = alert.alertId;
    this.dialog.querySelector('.subject').textContent = `${alert.pointKey} · ${alert.ruleId}`;
    this.dialog.querySelector('.error').textContent = '';
    this.dialog.querySelector('form').elements.note.value = '';
    this.dialog.showModal();
  }
}

/** "value / limit" when the alert carries both, the value alone, else the message. */
export function valueText(alert) {
  if (alert.value !== undefined && alert.value !== null) {
    return alert.limit !== undefined && alert.limit !== null
      ? `${formatNumber(alert.value)} / ${formatNumber(alert.limit)}` : formatNumber(alert.value);
  }
  return alert.message || (alert.peakValue !== null && alert.peakValue !== undefined
    ? formatNumber(alert.peakValue) : '–');
}
