// The GreenTwin campus view: sign in, load every twin, draw the campus, follow live changes.
import { Api, AuthError } from './api.js';
import { TwinStore, kindOf, localName } from './twins.js';
import { CampusScene } from './scene.js';
import { colourPipes } from './pipes.js';
import { METRICS, colourOf, legendHtml } from './metrics.js';
import { TwinPanel } from './panel.js';
import { renderKpis } from './kpis.js';

const STALE_AFTER_MS = 5000;
const el = (id) => document.getElementById(id);
const api = new Api();
const store = new TwinStore();
const scene = new CampusScene(el('scene'));
const pending = new Set();
const live = { state: 'connecting', lastUpdate: 0, updates: 0, rate: 0 };
let metric = METRICS.power;
let selected = null;
let stopStream = null;

const panel = new TwinPanel(api, store, { onFocus: (id) => scene.focus(id), onClose: () => select(null) });

// What tests and benchmarks read (window.greentwin); the app does not depend on it.
const probe = {
  ready: false, firstRenderMs: null, stats: scene.stats, live,
  screenPosition: (id) => scene.screenPosition(id),
  instanceCounts: () => Object.fromEntries([...scene.meshes].map(([k, m]) => [k, m.count])),
  // Feeds changes as if they came from the stream (WebUiBench's update-rate measurement).
  inject: (partials) => partials.forEach(onChange),
  ids: (kind) => [...store.all()].filter((t) => kindOf(t) === kind).map((t) => t.thingId),
};
window.greentwin = probe;

function signIn() {
  const dialog = el('login');
  return new Promise((resolve) => {
    el('login-form').onsubmit = async (e) => {
      e.preventDefault();
      try {
        await api.login(el('login-user').value, el('login-password').value);
        el('login-error').textContent = '';
        dialog.close();
        resolve();
      } catch (err) {
        el('login-error').textContent = err.message;
      }
    };
    dialog.showModal();
  });
}

function select(id) {
  selected = id;
  scene.select(id);
  if (id) panel.show(id);
  else panel.hide();
}

function colourTwin(twin) {
  const rgb = colourOf(metric, kindOf(twin), twin);
  scene.setColour(twin.thingId, rgb);
}

function colourAll() {
  for (const twin of store.all()) colourTwin(twin);
  if (scene.pipes) colourPipes(scene.pipes, store);
  el('legend').innerHTML = legendHtml(metric);
}

/** Applies the changes that arrived since the last frame: colours, pipes, KPIs, the panel. */
function applyPending() {
  if (!pending.size) return;
  let pipes = false;
  for (const id of pending) {
    const twin = store.get(id);
    if (!twin) continue;
    const kind = kindOf(twin);
    if (kind === 'water_loop') pipes = true;
    else if (kind === 'site') renderKpis(el('kpis'), twin);
    else colourTwin(twin);
  }
  if (pipes) colourPipes(scene.pipes, store);
  if (selected && pending.has(selected)) panel.refresh();
  pending.clear();
}

const early = []; // changes that arrive while the twins load, applied after them in order
let loaded = false;

function onChange(partial) {
  if (!loaded) {
    early.push(partial);
    return;
  }
  const twin = store.apply(partial);
  if (!twin) return;
  pending.add(twin.thingId);
  live.lastUpdate = Date.now();
  live.updates++;
}

function showLiveState() {
  const badge = el('live');
  const age = Date.now() - live.lastUpdate;
  let text, cls;
  if (live.state !== 'open') {
    [text, cls] = [live.state === 'auth' ? 'signed out' : 'offline · reconnecting', 'offline'];
  } else if (!live.lastUpdate || age > STALE_AFTER_MS) {
    [text, cls] = [live.lastUpdate ? `stale · ${Math.round(age / 1000)} s` : 'stale · no updates yet', 'stale'];
  } else {
    [text, cls] = [`live · ${live.rate}/s`, 'live'];
  }
  badge.textContent = text;
  badge.className = `badge ${cls}`;
  badge.dataset.state = cls;
}

function startBadge() {
  let last = 0;
  setInterval(() => {
    live.rate = live.updates - last;
    last = live.updates;
    showLiveState();
  }, 1000);
}

function startLive() {
  if (stopStream) stopStream();
  stopStream = api.stream(onChange, async (state) => {
    if (state === 'heartbeat') return;
    live.state = state;
    showLiveState();
    if (state === 'auth') {
      await signIn();
      startLive();
    }
  });
}

async function loadIncidents() {
  const box = el('incidents');
  try {
    const incidents = await api.search('like(thingId,"*:incident-*")', 'thingId,attributes');
    panel.setIncidents(incidents);
    box.innerHTML = incidents.length ? '<strong>Incidents</strong><ul></ul>' : '<span class="muted">No incidents</span>';
    for (const i of incidents) {
      const li = document.createElement('li');
      li.textContent = `${localName(i.thingId)}: ${i.attributes.type || ''} (${i.attributes.severity || '?'})`;
      box.querySelector('ul').append(li);
    }
  } catch (e) {
    box.innerHTML = '<span class="muted">Incidents unavailable</span>';
  }
}

function wireControls() {
  const chooser = el('colour-by');
  for (const [key, m] of Object.entries(METRICS)) chooser.add(new Option(`${m.label} (${m.unit})`, key));
  chooser.addEventListener('change', () => {
    metric = METRICS[chooser.value];
    colourAll();
  });
  el('cutaway').addEventListener('change', (e) => scene.setCutaway(e.target.checked));
  scene.setCutaway(el('cutaway').checked);
  el('search').addEventListener('input', (e) => {
    el('search-hits').replaceChildren(...store.find(e.target.value).map((t) => new Option(t.attributes.name, localName(t.thingId))));
  });
  el('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = el('search').value.trim();
    const exact = [...store.all()].find((t) => t.thingId === text || localName(t.thingId) === text);
    const hit = exact || store.find(text, 1)[0];
    if (hit) {
      select(hit.thingId);
      scene.focus(hit.thingId);
    }
  });
  el('scene').addEventListener('click', (e) => {
    const ids = scene.pick(e.clientX, e.clientY);
    // Clicking the selected rack again drills into the server behind it.
    const next = ids[0] === selected && ids.length > 1 ? ids[1] : ids[0];
    select(next || null);
  });
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') select(null);
  });
  el('logout').hidden = false;
  el('logout').addEventListener('click', () => {
    api.logout();
    location.reload();
  });
}

async function main() {
  if (!api.token()) await signIn();
  startBadge();
  startLive(); // before loading, so that no change between the snapshot and the stream is lost
  let twins;
  try {
    twins = await api.loadTwins();
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    api.logout();
    await signIn();
    twins = await api.loadTwins();
  }
  store.load(twins);
  loaded = true;
  early.splice(0).forEach(onChange);
  scene.build(twins);
  wireControls();
  colourAll();
  const site = twins.find((t) => kindOf(t) === 'site');
  renderKpis(el('kpis'), site);
  scene.frameHooks.push(applyPending);
  scene.start();
  requestAnimationFrame(() => requestAnimationFrame(() => {
    probe.firstRenderMs = Math.round(performance.now());
    probe.ready = true;
    el('loading').hidden = true;
  }));
  loadIncidents();
}

main().catch((e) => {
  el('loading').textContent = `Could not load the campus: ${e.message}`;
  throw e;
});
