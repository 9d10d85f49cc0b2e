// The twins as the browser holds them: Ditto thing JSON by id, merged with live changes.

export class TwinStore {
  constructor() {
    this.byId = new Map();
  }

  load(things) {
    for (const t of things) this.byId.set(t.thingId, t);
  }

  /** Holds exactly these things from now on (the campus at another instant). */
  replace(things) {
    this.byId.clear();
    this.load(things);
  }

  get(id) {
    return this.byId.get(id);
  }

  all() {
    return this.byId.values();
  }

  /** Merges a change event (a partial thing) into the twin; returns the twin, or null if unknown. */
  apply(partial) {
    const twin = this.byId.get(partial.thingId);
    if (!twin) {
      if (partial.attributes) this.byId.set(partial.thingId, partial);
      return partial.attributes ? partial : null;
    }
    if (partial.features) twin.features = merge(twin.features || {}, partial.features);
    if (partial.attributes) twin.attributes = merge(twin.attributes || {}, partial.attributes);
    return twin;
  }

  /** Twins whose id or name contains the text (case-insensitive), at most limit of them. */
  find(text, limit = 20) {
    const needle = text.trim().toLowerCase();
    const hits = [];
    if (!needle) return hits;
    for (const t of this.byId.values()) {
      const name = (t.attributes && t.attributes.name) || '';
      if (t.thingId.toLowerCase().includes(needle) || name.toLowerCase().includes(needle)) {
        hits.push(t);
        if (hits.length >= limit) break;
      }
    }
    return hits;
  }
}

function merge(target, patch) {
  for (const [k, v] of Object.entries(patch)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object') {
      target[k] = merge(target[k], v);
    } else {
      target[k] = v;
    }
  }
  return target;
}

export function kindOf(twin) {
  return (twin.attributes && twin.attributes.kind) || 'unknown';
}

/** A property's value, or undefined when absent or not yet measured (null). */
export function prop(twin, feature, property) {
  const f = twin && twin.features && twin.features[feature];
  const v = f && f.properties ? f.properties[property] : undefined;
  return v === null ? undefined : v;
}

/** The thing's local name: the part of its id after the namespace. */
export function localName(id) {
  return id.slice(id.indexOf(':') + 1);
}

// Property names carry their unit (house style: powerKw, supplyTempC, flowM3h).
const UNITS = [
  ['TempC', '°C'], ['Kwh', 'kWh'], ['Kw', 'kW'], ['Wm2', 'W/m²'], ['M3h', 'm³/h'], ['Pct', '%'],
  ['Kpa', 'kPa'], ['Lph', 'L/h'], ['Kg', 'kg'], ['W', 'W'], ['C', '°C'], ['K', 'K'], ['M', 'm'],
];

export function unitOf(property) {
  for (const [suffix, unit] of UNITS) {
    if (property.endsWith(suffix) && property.length > suffix.length) return unit;
  }
  return '';
}

export function formatValue(v) {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'number') {
    const abs = Math.abs(v);
    return v.toLocaleString('en', { maximumFractionDigits: abs >= 100 ? 0 : abs >= 10 ? 1 : 2 });
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
