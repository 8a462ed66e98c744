// Bureau view: a park's enterprises this month (compliance against their permits, year to date
// against the annual allowance), each opening its monthly report, printable as it stands.
import { getJson, parkName, parks, zoneOf } from './api.js';
import { h, select, unavailable } from './dom.js';
import { formatNumber, formatPercent, onLanguage, t } from './i18n.js';

/** The current month in the park's zone, as YYYY-MM. */
function thisMonth(zone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' })
    .formatToParts(new Date());
  return `${parts.find(p => p.type === 'year').value}-${parts.find(p => p.type === 'month').value}`;
}

function status(enterprise) {
  if (enterprise.status === 'no_permit') {
    return h('span', { class: 'status no-permit' }, t('reports.noPermit'));
  }
  if (enterprise.status === 'no_exceedance') {
    return h('span', { class: 'status ok' }, t('reports.noExceedance'));
  }
  const days = enterprise.exceedance_days ? ` · ${t('reports.days', { n: enterprise.exceedance_days })}` : '';
  return h('span', { class: 'status exceeded' }, t('reports.hours', { n: enterprise.exceedance_hours }) + days);
}

export class ReportsView {
  constructor(container) {
    this.container = container;
    this.park = null;
    this.month = null;
    this.known = [];
    this.list = null;
    this.report = null;
    this.error = null;
    onLanguage(() => this.render());
  }

  async start() {
    try {
      // Asked afresh: a park registered since the page loaded is listed too.
      this.known = (await getJson('/api/v1/parks')).parks || [];
    } catch (error) {
      this.known = await parks();
    }
    this.park = this.park || (this.known[0] && this.known[0].id);
    this.month = this.month || thisMonth(zoneOf(this.park));
    await this.refresh();
  }

  stop() {
  }

  async refresh() {
    this.report = null;
    try {
      this.list = this.park ? await getJson(`/api/v1/reports/park?park=${encodeURIComponent(this.park)}`
        + `&month=${this.month}`) : { enterprises: [] };
      this.error = null;
    } catch (error) {
      this.error = error;
    }
    this.render();
  }

  /** Opens the report of an enterprise of the listed park and month (as the list was answered). */
  async open(park, month, enterprise) {
    try {
      this.report = await getJson(`/api/v1/reports/monthly?enterprise=${encodeURIComponent(`${park}/${enterprise}`)}`
        + `&month=${month}`);
      this.error = null;
    } catch (error) {
      this.error = error;
    }
    this.render();
  }

  render() {
    if (this.error) {
      unavailable(this.container, this.error);
      return;
    }
    if (this.report) {
      this.container.replaceChildren(...this.printable(this.report));
      return;
    }
    const options = this.known.map(p => [p.id, p.name || p.id]);
    const controls = h('div', { class: 'filters no-print' },
      h('label', null, t('filter.park'), ' ', select('reports-park',
        options.length ? options : [[this.park || '', parkName(this.park || '')]], this.park || '', value => {
          if (value) {
            this.park = value;
            this.refresh();
          }
        })),
      h('label', null, t('reports.month'), ' ', h('input', { type: 'month', id: 'reports-month', value: this.month,
        onchange: event => {
          this.month = event.target.value;
          this.refresh();
        } })));
    if (!this.list) {
      this.container.replaceChildren(controls, h('p', { class: 'muted' }, t('loading')));
      return;
    }
    const rows = this.list.enterprises.map(e => h('tr', { class: 'enterprise-row', dataset: { enterprise: e.enterprise } },
      h('td', null, e.name || e.enterprise, ' ', h('span', { class: 'muted' }, e.enterprise)),
      h('td', { class: 'point' }, e.permit || '–'),
      h('td', null, status(e)),
      h('td', null, e.allowances.map(a => h('div', null, `${a.outlet} ${a.pollutant_name}: `,
        formatPercent(a.share_used), h('span', { class: 'muted' }, ` (${t('reports.projected')} `,
          formatPercent(a.projected_share), ')')))),
      h('td', { class: 'actions' }, h('button', { type: 'button', onclick: () => this.open(this.list.park, this.list.month, e.enterprise) },
        t('reports.open')))));
    this.container.replaceChildren(controls, rows.length === 0 ? h('p', { class: 'muted' }, t('reports.none'))
      : h('table', { class: 'reports' },
        h('thead', null, h('tr', null, ['col.enterprise', 'reports.permit', 'reports.status', 'reports.allowance', '']
          .map(k => h('th', null, k ? t(k) : '')))),
        h('tbody', null, rows)));
  }

  /** The monthly report as a page: what prints is this and nothing else (console.css, @media print). */
  printable(r) {
    const parts = [h('div', { class: 'filters no-print' },
      h('button', { type: 'button', onclick: () => this.refresh() }, t('reports.back')),
      h('button', { type: 'button', id: 'report-print', onclick: () => window.print() }, t('reports.print'))),
    h('h2', { class: 'report-title' }, t('reports.title', { month: r.month }), ' · ', r.enterprise_name || r.enterprise),
    h('p', null, `${parkName(r.park)} · ${r.enterprise} · ${t('reports.permit')} ${r.permit || t('reports.noPermit')}`
      + ` · ${t('time.zone', { zone: r.time_zone })} · ${t('reports.hoursCounted', { n: r.hours_counted })}`)];
    for (const outlet of r.outlets) {
      parts.push(h('h3', null, outlet.outlet ? `${outlet.outlet} ${outlet.name}` : `${outlet.name} (${t(r.permit ? 'reports.noPermitOutlet' : 'reports.noPermit')})`));
      const body = [];
      for (const point of outlet.points) {
        if (point.pollutants.length === 0) {
          body.push(h('tr', null, h('td', { class: 'point' }, point.point), h('td', { colspan: 8, class: 'muted' },
            t('reports.noData'))));
        }
        for (const p of point.pollutants) {
          body.push(h('tr', null, h('td', { class: 'point' }, point.point), h('td', null, p.pollutant_name),
            h('td', { class: 'num' }, p.limit === null ? '–' : `${formatNumber(p.limit)} ${p.unit}`
              + (p.reference_o2 === null ? '' : ` @${p.reference_o2} % O₂`) + (p.period ? ` / ${t(`reports.${p.period}`)}` : '')),
            h('td', { class: 'num' }, p.valid_hours), h('td', { class: 'num' }, p.invalid_hours),
            h('td', null, Object.entries(p.invalid_reasons).map(([code, n]) => `${code} ${n}`).join(', ')),
            h('td', { class: 'num' }, p.exceedance_hours ?? (p.exceedance_days === null ? '–'
              : t('reports.days', { n: p.exceedance_days }))),
            h('td', { class: 'num' }, formatPercent(p.completeness)), h('td', { class: 'num' }, formatPercent(p.valid_share))));
        }
      }
      parts.push(h('table', { class: 'report' }, h('thead', null, h('tr', null, ['col.point', 'reports.pollutant',
        'reports.limit', 'reports.valid', 'reports.invalid', 'reports.reasons', 'reports.exceedance',
        'reports.completeness', 'reports.validShare'].map(k => h('th', null, t(k))))), h('tbody', null, body)));
      parts.push(outlet.totals.length === 0 ? '' : h('table', { class: 'report totals' }, h('thead', null, h('tr', null, ['reports.pollutant',
        'reports.totalKg', 'reports.ytd', 'reports.allowance'].map(k => h('th', null, t(k))))),
      h('tbody', null, outlet.totals.map(total => h('tr', null, h('td', null, total.pollutant_name),
        h('td', { class: 'num' }, formatNumber(total.total_kg), ' ', h('span', { class: 'muted' },
          Object.keys(total.by_method).join(', '))),
        typeof total.year_to_date === 'string'
          ? h('td', { colspan: 2 }, total.year_to_date === 'no permit loaded' ? t('reports.noPermit') : t('reports.noAllowance'))
          : [h('td', { class: 'num' }, `${formatNumber(total.year_to_date.used_kg)} kg`),
            h('td', { class: 'num' }, formatPercent(total.year_to_date.share_used), ' ', h('span', { class: 'muted' },
              `(${t('reports.projected')} ${formatPercent(total.year_to_date.projected_share)})`))])))));
    }
    parts.push(h('p', { class: 'muted' }, t('reports.note')));
    return parts;
  }
}
