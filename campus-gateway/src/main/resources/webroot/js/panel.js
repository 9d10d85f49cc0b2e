// The twin panel: the selected twin's live properties with units, a sparkline of the chosen
// property's recent history (the time-series endpoint, then extended live; in a replay, the
// replayed window), its attributes, its incidents and a link to its Ditto JSON.
import { formatValue, localName, unitOf } from './twins.js';

let charts = null;
/** ECharts (~1 MB of JavaScript), loaded when first needed rather than before the first frame. */
export function loadCharts() {
  charts ||= import('echarts');
  return charts;
}

const HISTORY_MS = 15 * 60 * 1000;
const el = (id) => document.getElementById(id);

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

export class TwinPanel {
  /** @param span the time range a replay shows ({ from, to } in ms), or null when live */
  constructor(api, store, { onFocus, onClose, span = () => null }) {
    this.api = api;
    this.store = store;
    this.span = span;
    this.id = null;
    this.path = null; // [feature, property] of the sparkline
    this.points = [];
    this.incidents = [];
    this.chart = null;
    el('panel-close').addEventListener('click', () => onClose());
    el('panel-focus').addEventListener('click', () => onFocus(this.id));
    el('panel-props').addEventListener('click', (e) => {
      const row = e.target.closest('tr');
      if (row) this.chooseSpark(row.dataset.path.split('/'));
    });
  }

  show(id) {
    const twin = this.store.get(id);
    if (!twin) return;
    this.id = id;
    el('panel').hidden = false;
    el('panel-title').textContent = (twin.attributes && twin.attributes.name) || localName(id);
    el('panel-id').textContent = `${id} · ${twin.attributes ? twin.attributes.kind : ''}`;
    el('panel-json').href = `/api/2/things/${encodeURIComponent(id)}`;
    el('props-title').textContent = this.span() ? 'Properties at the replay clock' : 'Live properties';
    this.renderAttributes(twin);
    this.renderIncidents();
    this.refresh();
    const first = this.numericPaths(twin)[0];
    this.chooseSpark(first || null);
  }

  hide() {
    this.id = null;
    el('panel').hidden = true;
  }

  numericPaths(twin) {
    const paths = [];
    for (const [f, feature] of Object.entries(twin.features || {})) {
      for (const [p, v] of Object.entries(feature.properties || {})) {
        if (v === null || typeof v === 'number') paths.push([f, p]);
      }
    }
    return paths;
  }

  /** Re-renders the live properties (after a change to this twin) and extends the sparkline. */
  refresh() {
    const twin = this.store.get(this.id);
    if (!twin) return;
    const body = el('panel-props').tBodies[0];
    body.replaceChildren();
    for (const [f, feature] of Object.entries(twin.features || {})) {
      for (const [p, v] of Object.entries(feature.properties || {})) {
        const row = document.createElement('tr');
        row.dataset.path = `${f}/${p}`;
        row.tabIndex = 0;
        row.setAttribute('aria-selected', String(!!this.path && this.path.join('/') === row.dataset.path));
        const value = cell(`${formatValue(v)} ${v === null || v === undefined ? '' : unitOf(p)}`.trim(), 'v');
        value.dataset.path = row.dataset.path;
        row.append(cell(`${f} / ${p}`), value);
        body.append(row);
      }
    }
    if (!body.children.length) body.append(document.createElement('tr')).append(cell('no live properties', 'muted'));
    if (this.path && !this.span()) {
      const v = twin.features?.[this.path[0]]?.properties?.[this.path[1]];
      const last = this.points[this.points.length - 1];
      if (typeof v === 'number' && (!last || last[1] !== v)) {
        this.points.push([Date.now(), v]);
        this.drawSpark();
      }
    }
  }

  renderAttributes(twin) {
    const body = el('panel-attrs').tBodies[0];
    body.replaceChildren();
    for (const [k, v] of Object.entries(twin.attributes || {})) {
      if (k === 'name' || k === 'kind') continue;
      const row = document.createElement('tr');
      row.append(cell(k), cell(typeof v === 'object' ? JSON.stringify(v) : `${v}${typeof v === 'number' ? ' ' + unitOf(k) : ''}`, 'v'));
      body.append(row);
    }
  }

  setIncidents(incidents) {
    this.incidents = incidents;
    if (this.id) this.renderIncidents();
  }

  renderIncidents() {
    const list = el('panel-incidents');
    list.replaceChildren();
    const mine = this.incidents.filter((i) => (i.attributes?.things || []).includes(this.id));
    for (const i of mine) {
      const li = document.createElement('li');
      li.textContent = `${i.attributes.type || 'incident'} (${i.attributes.severity || '?'}) from ${i.attributes.start || '?'}`;
      list.append(li);
    }
    if (!mine.length) list.append(Object.assign(document.createElement('li'), { className: 'muted', textContent: 'none' }));
  }

  async chooseSpark(path) {
    this.path = path;
    this.points = [];
    el('spark-title').textContent = path ? `History: ${path.join(' / ')} (${unitOf(path[1]) || '—'})` : 'History';
    for (const row of el('panel-props').tBodies[0].rows) {
      row.setAttribute('aria-selected', String(!!path && row.dataset.path === path.join('/')));
    }
    this.drawSpark();
    if (!path) return;
    const id = this.id;
    try {
      const { from, to } = this.span() || { from: Date.now() - HISTORY_MS, to: Date.now() };
      const step = `${Math.max(10, Math.round((to - from) / 300_000))}s`; // about 300 points at most
      const series = await this.api.timeSeries(id, path[0], path[1], new Date(from).toISOString(), step, new Date(to).toISOString());
      if (this.id !== id || this.path !== path) return;
      this.points = series.points.map((pt) => [Date.parse(pt.t), pt.value]).concat(this.points);
    } catch (e) {
      // No history yet (404) is normal for a twin that was never measured: the sparkline stays live-only.
    }
    this.drawSpark();
  }

  drawSpark() {
    if (!this.chart) {
      loadCharts().then((echarts) => {
        if (!this.chart) this.chart = echarts.init(el('spark'), null, { renderer: 'canvas' });
        this.drawSpark();
      });
      return;
    }
    this.chart.setOption({
      animation: false,
      grid: { left: 40, right: 8, top: 8, bottom: 20 },
      xAxis: { type: 'time', axisLabel: { color: '#8b9bab', fontSize: 10 } },
      yAxis: { type: 'value', scale: true, axisLabel: { color: '#8b9bab', fontSize: 10 }, splitLine: { lineStyle: { color: '#233' } } },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'line', data: this.points, showSymbol: false, lineStyle: { color: '#3fb950' } }],
    });
  }
}
