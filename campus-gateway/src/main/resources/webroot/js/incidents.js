// The incidents the incident job found (twins <ns>:incident-<id>), newest first, each a button
// that replays its window (replayFrom … replayTo), and a picker for replaying any window.

import { dateTime, hms } from './timeline.js';

const el = (id) => document.getElementById(id);
const MINUTE_MS = 60_000;
/** The longest window the gateway replays (its campus history stream's limit). */
export const MAX_WINDOW_MS = 24 * 60 * MINUTE_MS;

/** The window an incident is replayed over: replayFrom … replayTo, or up to now while open. */
export function incidentWindow(incident, now = Date.now()) {
  const a = incident.attributes || {};
  const start = Date.parse(a.start);
  const from = Date.parse(a.replayFrom) || start - 10 * MINUTE_MS;
  const to = Date.parse(a.replayTo) || Date.parse(a.end) + 10 * MINUTE_MS || now;
  return { from, to: Math.min(to, now, from + MAX_WINDOW_MS) };
}

/** The assets an incident involves: its main thing first, then the others it lists. */
export function involvedIn(incident) {
  const a = incident.attributes || {};
  return [...new Set([a.mainThing, ...(a.things || [])].filter(Boolean))];
}


/** Renders the list; onReplay(incident) when one is chosen. */
export function renderIncidents(incidents, onReplay) {
  const list = el('incident-list');
  list.replaceChildren();
  const newest = [...incidents].sort((a, b) => String(b.attributes?.start).localeCompare(String(a.attributes?.start)));
  for (const i of newest) {
    const a = i.attributes || {};
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `incident sev-${a.severity || 'unknown'}`;
    b.dataset.thing = i.thingId;
    b.title = a.summary || a.title || '';
    b.innerHTML = '<span class="sev"></span> <span class="kind"></span><br><span class="when"></span>';
    b.querySelector('.sev').textContent = a.severity || '?';
    b.querySelector('.kind').textContent = a.title || a.type || 'incident';
    b.querySelector('.when').textContent = `${dateTime(Date.parse(a.start))} → ${a.end ? hms(Date.parse(a.end)) : 'open'}`;
    b.addEventListener('click', () => onReplay(i));
    li.append(b);
    list.append(li);
  }
  el('incident-count').textContent = incidents.length ? `(${incidents.length})` : '— none';
}

/** A datetime-local value (the browser's time zone) of an instant. */
function localValue(ms) {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * MINUTE_MS);
  return d.toISOString().slice(0, 19);
}

/** Wires the window picker (default: the last hour); onReplay({ from, to }) in ms. */
export function wireWindowPicker(onReplay) {
  const now = Date.now();
  el('window-from').value = localValue(now - 60 * MINUTE_MS);
  el('window-to').value = localValue(now);
  el('window-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const from = new Date(el('window-from').value).getTime();
    const to = new Date(el('window-to').value).getTime();
    const error = !(from < to) ? 'The start must be before the end.'
      : to - from > MAX_WINDOW_MS ? 'At most 24 hours at a time.' : '';
    el('window-error').textContent = error;
    if (!error) onReplay({ from, to });
  });
}
