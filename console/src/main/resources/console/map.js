// 2D park map drawn from the registry's and rules' own geometry (no tile server): areas as
// polygons, enterprises as sites, vehicles at their latest positions with their tracks,
// whatever is alerting highlighted.
import { getJson, parks, zoneOf } from './api.js';
import { h, select, svg, unavailable } from './dom.js';
import { formatNumber, formatTime, onLanguage, t } from './i18n.js';

const WIDTH = 960;
const HEIGHT = 620;
const PAD = 30;
const REFRESH_MS = 10000;

export class MapView {
  constructor(container) {
    this.container = container;
    this.park = '';
    this.map = null;
    this.error = null;
    this.timer = null;
    this.parkList = [];
    onLanguage(() => this.render());
  }

  async start() {
    this.parkList = await parks();
    if (!this.park && this.parkList.length > 0) {
      this.park = this.parkList[0].id;
    }
    await this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  async refresh() {
    if (!this.park) {
      this.parkList = await parks();
      this.park = this.parkList.length > 0 ? this.parkList[0].id : '';
    }
    if (!this.park) {
      this.error = { path: '/api/v1/parks', status: '–' };
      this.render();
      return;
    }
    try {
      this.map = await getJson(`/api/v1/map?park=${encodeURIComponent(this.park)}`);
      this.error = null;
    } catch (error) {
      this.error = error;
    }
    this.render();
  }

  render() {
    const chooser = h('div', { class: 'filters' }, h('label', null, t('map.park'), ' ',
      select('map-park', this.parkList.map(p => [p.id, p.name || p.id]), this.park, value => {
        this.park = value;
        this.map = null;
        this.refresh();
      })));
    if (this.error) {
      const holder = h('div');
      unavailable(holder, this.error);
      this.container.replaceChildren(chooser, holder);
      return;
    }
    if (!this.map) {
      this.container.replaceChildren(chooser, h('p', { class: 'muted' }, t('loading')));
      return;
    }
    this.container.replaceChildren(chooser, drawing(this.map, zoneOf(this.park)), legend());
  }
}

/** Equirectangular projection fitted to everything drawn; north up, metres kept square. */
function projection(map) {
  const coordinates = [];
  map.areas.forEach(area => area.polygon.forEach(([lon, lat]) => coordinates.push([lon, lat])));
  map.enterprises.forEach(e => coordinates.push([e.lon, e.lat]));
  map.vehicles.forEach(v => {
    coordinates.push([v.lon, v.lat]);
    (v.track || []).forEach(([lon, lat]) => coordinates.push([lon, lat]));
  });
  if (coordinates.length === 0 && map.centre) {
    coordinates.push([map.centre.lon, map.centre.lat]);
  }
  const lons = coordinates.map(c => c[0]);
  const lats = coordinates.map(c => c[1]);
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const minX = Math.min(...lons) * k;
  const maxX = Math.max(...lons) * k;
  const minY = Math.min(...lats);
  const maxY = Math.max(...lats);
  const scale = Math.min((WIDTH - 2 * PAD) / (maxX - minX || 1e-3), (HEIGHT - 2 * PAD) / (maxY - minY || 1e-3));
  const offsetX = (WIDTH - (maxX - minX) * scale) / 2;
  const offsetY = (HEIGHT - (maxY - minY) * scale) / 2;
  return ([lon, lat]) => [offsetX + (lon * k - minX) * scale, offsetY + (maxY - lat) * scale];
}

function drawing(map, zone) {
  if (map.areas.length + map.enterprises.length + map.vehicles.length === 0) {
    return h('p', { class: 'muted' }, t('map.empty'));
  }
  const project = projection(map);
  const points = list => list.map(c => project(c).map(n => n.toFixed(1)).join(',')).join(' ');
  const layers = [];
  for (const area of map.areas) {
    layers.push(svg('polygon', { class: `area ${area.kind}`, points: points(area.polygon), dataset: { id: area.id } },
      svg('title', null, `${t(`map.${area.kind}`)}: ${area.name || area.id}${area.ruleId ? ` (${area.ruleId})` : ''}`)));
    const corners = area.polygon.map(project);
    layers.push(svg('text', { class: `area-label ${area.kind}`, 'text-anchor': 'middle',
      x: (corners.reduce((sum, c) => sum + c[0], 0) / corners.length).toFixed(1),
      y: (Math.min(...corners.map(c => c[1])) + 14).toFixed(1) }, area.name || area.id));
  }
  for (const vehicle of map.vehicles) {
    if (vehicle.track && vehicle.track.length > 1) {
      layers.push(svg('polyline', { class: `track${vehicle.alerting ? ' alerting' : ''}`, points: points(vehicle.track) }));
    }
  }
  for (const site of map.enterprises) {
    const [cx, cy] = project([site.lon, site.lat]);
    layers.push(svg('g', { class: `enterprise${site.alerting ? ` alerting sev-${site.severity}` : ''}`,
      dataset: { id: site.id } },
    svg('rect', { x: cx - 6, y: cy - 6, width: 12, height: 12 }),
    svg('text', { x: cx + 9, y: cy + 4 }, site.name || site.id),
    svg('title', null, `${t('map.enterprise')} ${site.name || site.id}${site.alerting
      ? ` · ${t('map.alerting')} (${t(`severity.${site.severity}`)})` : ''}`)));
  }
  for (const vehicle of map.vehicles) {
    const [cx, cy] = project([vehicle.lon, vehicle.lat]);
    layers.push(svg('g', { class: `vehicle${vehicle.alerting ? ' alerting' : ''}`, dataset: { point: vehicle.pointKey },
      transform: `translate(${cx.toFixed(1)},${cy.toFixed(1)}) rotate(${Number(vehicle.heading) || 0})` },
    svg('path', { d: 'M0,-8 L5,6 L0,3 L-5,6 Z' }),
    svg('title', null, `${t('map.vehicle')} ${vehicle.vehicle} · ${t('map.speed', { speed: formatNumber(vehicle.speedKmh, 0) })}`
      + ` · ${formatTime(vehicle.time, zone)}${vehicle.alerting ? ` · ${t('map.alerting')}` : ''}`)));
  }
  return svg('svg', { id: 'park-map', class: 'map', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img' },
    svg('rect', { class: 'ground', x: 0, y: 0, width: WIDTH, height: HEIGHT }), layers);
}

function legend() {
  return h('ul', { class: 'legend' }, ['key-area', 'no-parking', 'corridor'].map(kind =>
    h('li', null, h('span', { class: `swatch ${kind}` }), t(`map.${kind}`))),
  h('li', null, h('span', { class: 'swatch enterprise' }), t('map.enterprise')),
  h('li', null, h('span', { class: 'swatch vehicle' }), t('map.vehicle')),
  h('li', null, h('span', { class: 'swatch alerting' }), t('map.alerting')));
}
