// The GreenTwin campus view: sign in, load every twin, draw the campus, follow live changes, or
// replay a past window (an incident's) until the way back to live.
import { Api, AuthError } from './api.js';
import { TwinStore, kindOf, localName } from './twins.js';
import { CampusScene } from './scene.js';
import { colourPipes } from './pipes.js';
import { METRICS, METRIC_OF_INCIDENT, colourOf, legendHtml } from './metrics.js';
import { TwinPanel, loadCharts } from './panel.js';
import { renderKpis } from './kpis.js';
import { Replay } from './replay.js';
import { ReplayBar, hms } from './timeline.js';
import { incidentWindow, involvedIn, renderIncidents, wireWindowPicker } from './incidents.js';

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

const panel = new TwinPanel(api, store, {
  onFocus: (id) => scene.focus(id),
  onClose: () => select(null),
  span: () => (replay.active ? replay.window : null),
});
const replay = new Replay(api, { reset: showTwins, apply: applyChange, onClock: showReplayClock });
const bar = new ReplayBar(replay, { onLive: backToLive, onFocus: (id) => { select(id); scene.focus(id); } });

// What tests and benchmarks read (window.greentwin); the app does not depend on it.
const probe = {
  ready: false, firstRenderMs: null, timing: null, stats: scene.stats, live,
  software: scene.software,
  // What a frame costs the rasteriser: render time until drawn, fragments, pixels (framecost.js).
  frameCost: async (frames) => (await import('./framecost.js')).frameCost(scene, frames),
  screenPosition: (id) => scene.screenPosition(id),
  instanceCounts: () => Object.fromEntries([...scene.meshes].map(([k, m]) => [k, m.count])),
  // Feeds changes as if they came from the stream (WebUiBench's update-rate measurement).
  inject: (partials) => partials.forEach(onChange),
  ids: (kind) => [...store.all()].filter((t) => kindOf(t) === kind).map((t) => t.thingId),
  colour: (id) => scene.colourOf(id),
  undrawnColours: () => scene.dirtyColours.size, // meshes with merged colours not yet drawn
  replay: () => ({
    active: replay.active, playing: replay.playing, clock: replay.clock, speed: replay.speed,
    window: replay.active ? { from: replay.window.from, to: replay.window.to } : null,
    changes: replay.changes.length, played: replay.next, marked: scene.markedIds,
  }),
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
  scene.invalidate();
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
  if (pipes) {
    colourPipes(scene.pipes, store);
    scene.invalidate();
  }
  if (selected && pending.has(selected)) panel.refresh();
  pending.clear();
  // Instance colours ask for a frame themselves (uploadColours); KPIs and the panel are HTML.
}

const early = []; // changes that arrive while the twins load, applied after them in order
let loaded = false;

/** Merges a change into the store; it is drawn at the next frame. */
function applyChange(partial) {
  const twin = store.apply(partial);
  if (twin) pending.add(twin.thingId);
  return twin;
}

function onChange(partial) {
  if (replay.active) return;
  if (!loaded) {
    early.push(partial);
    return;
  }
  if (!applyChange(partial)) return;
  live.lastUpdate = Date.now();
  live.updates++;
  if (partial.thingId.includes(':incident-')) loadIncidentsSoon();
}

/** Shows exactly these twins (the campus at another instant): colours, pipes, KPIs, the panel. */
function showTwins(twins) {
  store.replace(twins);
  pending.clear();
  colourAll();
  renderKpis(el('kpis'), twins.find((t) => kindOf(t) === 'site'));
  if (selected) panel.refresh();
}

/** Shows the twins just loaded, then the live changes that came meanwhile, in order. */
function showLoaded(twins) {
  showTwins(twins);
  loaded = true;
  early.splice(0).forEach(onChange);
}

function showLiveState() {
  if (replay.active) return;
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

function showReplayClock() {
  bar.update();
  const badge = el('live');
  const text = `REPLAY ${hms(replay.clock)}`;
  if (badge.textContent === text) return;
  badge.textContent = text;
  badge.className = 'badge replay';
  badge.dataset.state = 'replay';
}

/** Enters replay of a time range ({ from, to } in ms), highlighting the involved assets. */
async function enterReplay(range, title, incident = null) {
  if (stopStream) stopStream();
  stopStream = null;
  const involved = incident ? involvedIn(incident) : [];
  const badge = el('live');
  [badge.textContent, badge.className, badge.dataset.state] = ['REPLAY loading…', 'badge replay', 'replay'];
  try {
    await replay.open({ ...range, focus: involved });
  } catch (e) {
    el('window-error').textContent = `Could not load the replay: ${e.message}`;
    await backToLive();
    return;
  }
  const suggested = incident && METRIC_OF_INCIDENT[incident.attributes.type];
  if (suggested) setMetric(suggested);
  scene.mark(involved);
  scene.frame(involved);
  if (selected) panel.show(selected); // its sparkline over the window
  bar.show(title, incident, involved);
  el('replay-play').focus();
}

/** Leaves replay: the campus as it is now, then the live stream again. */
async function backToLive() {
  replay.close();
  scene.mark([]);
  bar.hide();
  loaded = false;
  startLive(); // before loading, as at start-up
  showLoaded(await api.loadTwins());
  if (selected) panel.show(selected);
  showLiveState();
  loadIncidents();
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
  try {
    const incidents = await api.search('like(thingId,"*:incident-*")', 'thingId,attributes');
    panel.setIncidents(incidents);
    renderIncidents(incidents, (i) => enterReplay(incidentWindow(i), i.attributes.title || i.attributes.type || localName(i.thingId), i));
  } catch (e) {
    el('incident-count').textContent = '— unavailable';
  }
}

let incidentsTimer = null;
function loadIncidentsSoon() {
  clearTimeout(incidentsTimer);
  incidentsTimer = setTimeout(loadIncidents, 2000);
}

function setMetric(key) {
  el('colour-by').value = key;
  metric = METRICS[key];
  colourAll();
}

function wireControls() {
  const chooser = el('colour-by');
  for (const [key, m] of Object.entries(METRICS)) chooser.add(new Option(`${m.label} (${m.unit})`, key));
  chooser.addEventListener('change', () => setMetric(chooser.value));
  wireWindowPicker((range) => enterReplay(range, 'Time window'));
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
    // Space plays and pauses a replay, unless a control that takes Space has the focus.
    if (e.key === ' ' && replay.active && !e.target.closest('button, input, select, textarea, a')) {
      e.preventDefault();
      replay.toggle();
    }
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
  // Where the first render's time goes (ms since navigation; the snapshot's parts from api.js).
  const timing = { appStartMs: performance.now() };
  let twins;
  try {
    twins = await api.loadTwins(timing);
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    api.logout();
    await signIn();
    twins = await api.loadTwins(timing);
  }
  const built = performance.now();
  scene.build(twins);
  wireControls();
  showLoaded(twins);
  timing.buildMs = performance.now() - built;
  scene.frameHooks.push((dt) => replay.tick(dt), applyPending);
  scene.start();
  requestAnimationFrame(() => requestAnimationFrame(() => {
    probe.firstRenderMs = Math.round(performance.now());
    timing.firstFramesMs = performance.now() - built - timing.buildMs;
    probe.timing = Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v)]));
    probe.ready = true;
    el('loading').hidden = true;
    // What the first frame does not need: incidents, the charts library.
    loadIncidents();
    loadCharts();
  }));
}

main().catch((e) => {
  el('loading').textContent = `Could not load the campus: ${e.message}`;
  throw e;
});
