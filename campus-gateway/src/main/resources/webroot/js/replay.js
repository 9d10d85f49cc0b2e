// Incident replay: the campus as it was at a window's start (the snapshot), then the window's
// changes played on a clock at 1×–60×, with pause, step (to the next change) and seeking. The
// replay only moves its clock and feeds the twins it implies to the app (reset, apply).

export const SPEEDS = [1, 2, 5, 10, 30, 60];

export class Replay {
  /**
   * @param api the gateway (snapshot and history)
   * @param reset called with every twin at the window's start (fresh copies: the app may mutate)
   * @param apply called with each change (a partial thing) as the clock passes it
   * @param onClock called after every move of the clock or change of play state
   */
  constructor(api, { reset, apply, onClock }) {
    this.api = api;
    this.callbacks = { reset, apply, onClock };
    this.window = null;
    this.start = [];
    this.changes = []; // [{ t, thing }] in commit order
    this.next = 0; // the first change not applied yet
    this.clock = 0;
    this.speed = 1;
    this.playing = false;
    this.narrowed = false; // only the focus's changes are played (a busy window)
  }

  get active() {
    return this.window !== null;
  }

  /**
   * Loads the window ({ from, to } in ms since the epoch; focus: the ids whose changes alone are
   * played when the whole campus changed too often in it, so that narrowed tells).
   */
  async open(window) {
    const [from, to] = [new Date(window.from).toISOString(), new Date(window.to).toISOString()];
    this.narrowed = false;
    const history = this.api.history(from, to).catch((e) => {
      if (e.code !== 'history:too-large' || !window.focus?.length) throw e;
      this.narrowed = true;
      return this.api.history(from, to, window.focus);
    });
    const [start, changes] = await Promise.all([this.api.snapshot(from), history]);
    this.window = window;
    this.start = start;
    this.changes = changes.map((thing) => ({ t: Date.parse(thing._modified), thing }));
    this.playing = false;
    this.rewind();
    this.seek(window.from);
  }

  close() {
    this.window = null;
    this.playing = false;
    this.narrowed = false;
    this.start = [];
    this.changes = [];
  }

  rewind() {
    this.callbacks.reset(structuredClone(this.start));
    this.next = 0;
    this.clock = this.window.from;
  }

  /** Moves the clock to t (clamped to the window), applying or, backwards, replaying the changes. */
  seek(t) {
    const target = Math.min(this.window.to, Math.max(this.window.from, t));
    if (target < this.clock) this.rewind();
    while (this.next < this.changes.length && this.changes[this.next].t <= target) {
      this.callbacks.apply(this.changes[this.next++].thing);
    }
    this.clock = target;
    if (target >= this.window.to) this.playing = false;
    this.callbacks.onClock();
  }

  /** Pauses and moves to the next change (all changes of that instant), if any. */
  step() {
    this.playing = false;
    const next = this.changes[this.next];
    this.seek(next ? next.t : this.window.to);
  }

  toggle() {
    if (!this.playing && this.clock >= this.window.to) this.seek(this.window.from);
    this.playing = !this.playing;
    this.callbacks.onClock();
  }

  setSpeed(speed) {
    this.speed = speed;
  }

  /** Advances a playing clock by a frame's time (seconds) at the chosen speed. */
  tick(dt) {
    if (this.active && this.playing) this.seek(this.clock + dt * 1000 * this.speed);
  }
}
