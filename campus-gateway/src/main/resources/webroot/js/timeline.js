// The replay bar: the clock, play/pause, step, speed, a scrubber over the window with the
// incident's start and end and the changes of the involved assets marked on it, the involved
// assets (each a button that focuses it) and the way back to live.
import { SPEEDS } from './replay.js';
import { localName } from './twins.js';

const el = (id) => document.getElementById(id);
const MAX_TICKS = 400; // one tick per 0.25 % of the window at most

/** The time of day (24 h, the browser's time zone), e.g. 10:03:12. */
export function hms(ms) {
  return new Date(ms).toLocaleTimeString('en-GB', { hour12: false });
}

/** Date and time of day (the browser's time zone), e.g. 2026-05-01 10:03:12. */
export function dateTime(ms) {
  return new Date(ms).toLocaleString('sv-SE'); // the ISO 8601 order, whatever the user's locale
}

export class ReplayBar {
  /** @param replay the Replay played; onLive leaves replay; onFocus(id) shows an involved asset */
  constructor(replay, { onLive, onFocus }) {
    this.replay = replay;
    this.shown = '';
    const speed = el('replay-speed');
    for (const s of SPEEDS) speed.add(new Option(`${s}×`, String(s)));
    speed.addEventListener('change', () => replay.setSpeed(Number(speed.value)));
    el('replay-play').addEventListener('click', () => replay.toggle());
    el('replay-step').addEventListener('click', () => replay.step());
    el('replay-live').addEventListener('click', () => onLive());
    el('replay-scrubber').addEventListener('input', (e) => replay.seek(replay.window.from + Number(e.target.value) * 1000));
    el('replay-involved').addEventListener('click', (e) => {
      const id = e.target.dataset.thing;
      if (id) onFocus(id);
    });
  }

  /** Shows the bar for the replay's window: title, ends, marks, involved assets. */
  show(title, incident, involved) {
    const { from, to } = this.replay.window;
    el('replay-title').textContent = title;
    el('replay-from').textContent = dateTime(from);
    el('replay-to').textContent = dateTime(to);
    const scrubber = el('replay-scrubber');
    scrubber.max = String(Math.ceil((to - from) / 1000));
    el('replay-speed').value = String(this.replay.speed);
    this.renderMarks(incident, involved);
    const list = el('replay-involved');
    list.replaceChildren();
    for (const id of involved) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.thing = id;
      b.textContent = localName(id);
      list.append(b);
    }
    el('replay').hidden = false;
    this.update();
  }

  hide() {
    el('replay').hidden = true;
  }

  /** Marks the incident's start and end, and the changes of the incident and its assets. */
  renderMarks(incident, involved) {
    const { from, to } = this.replay.window;
    const at = (t) => `${(100 * (t - from)) / (to - from)}%`;
    const marks = el('replay-marks');
    marks.replaceChildren();
    const watched = new Set(involved);
    const ticks = new Map();
    for (const { t, thing } of this.replay.changes) {
      const own = incident && thing.thingId === incident.thingId;
      if (!own && !watched.has(thing.thingId)) continue;
      const slot = Math.round(((t - from) / (to - from)) * MAX_TICKS);
      const tick = ticks.get(slot) || { t, own: false, names: new Set() };
      tick.own ||= own;
      tick.names.add(own ? 'incident updated' : localName(thing.thingId));
      ticks.set(slot, tick);
    }
    for (const { t, own, names } of ticks.values()) {
      marks.append(this.mark(own ? 'tick incident' : 'tick', at(t), `${hms(t)} ${[...names].join(', ')}`));
    }
    const a = incident?.attributes || {};
    if (a.start) marks.append(this.mark('edge', at(Date.parse(a.start)), `start ${hms(Date.parse(a.start))}`, 'start'));
    if (a.end) marks.append(this.mark('edge', at(Date.parse(a.end)), `end ${hms(Date.parse(a.end))}`, 'end'));
  }

  mark(className, left, title, label = '') {
    const span = document.createElement('span');
    span.className = className;
    span.style.left = left;
    span.title = title;
    span.textContent = label;
    span.dataset.label = title;
    return span;
  }

  /** Shows the clock and play state (called on every move of the clock). */
  update() {
    const r = this.replay;
    if (!r.active) return;
    const time = hms(r.clock);
    const scrubber = el('replay-scrubber');
    scrubber.value = String(Math.round((r.clock - r.window.from) / 1000));
    if (this.shown === `${time}${r.playing}`) return;
    this.shown = `${time}${r.playing}`;
    scrubber.setAttribute('aria-valuetext', dateTime(r.clock));
    el('replay-time').textContent = dateTime(r.clock);
    const play = el('replay-play');
    play.textContent = r.playing ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(r.playing));
    const left = r.changes.length - r.next;
    const scope = r.narrowed ? ' (busy window: the involved assets only)' : '';
    el('replay-status').textContent = `${r.next} of ${r.changes.length} changes played${scope}${left ? '' : ' · end'}`;
  }
}
