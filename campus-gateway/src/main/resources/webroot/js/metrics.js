// What the scene can be coloured by: per kind, the property read and the range of the colour
// scale; a twin without a value (not measured yet, or a kind the metric does not cover) is grey.
import { prop } from './twins.js';

const pv = (t) => prop(t, 'dc', 'powerKw');
const pvRange = (t) => t.attributes.dcKw || t.attributes.dcCapacityKw || 1200;
const delta = (feature) => (t) => {
  const supply = prop(t, feature, 'supplyTempC');
  const ret = prop(t, feature, 'returnTempC');
  return supply === undefined || ret === undefined ? undefined : ret - supply;
};

export const METRICS = {
  power: {
    label: 'Power', unit: 'kW',
    kinds: {
      server: { value: (t) => scaled(prop(t, 'power', 'powerW'), 0.001), max: () => 7 },
      rack: { value: (t) => prop(t, 'power', 'powerKw'), max: () => 30 },
      pump: { value: (t) => prop(t, 'power', 'powerKw'), max: () => 100 },
      dry_cooler: { value: (t) => prop(t, 'power', 'powerKw'), max: () => 25 },
      chiller: { value: (t) => prop(t, 'power', 'powerKw'), max: () => 500 },
      heat_pump: { value: (t) => prop(t, 'power', 'powerKw'), max: () => 1000 },
      ev_hub: { value: (t) => prop(t, 'charging', 'powerKw'), max: () => 2880 },
    },
  },
  inlet: {
    label: 'Inlet temperature', unit: '°C', min: 18,
    kinds: {
      server: { value: (t) => prop(t, 'thermal', 'inletTempC'), max: () => 40 },
      rack: { value: (t) => prop(t, 'thermal', 'inletTempC'), max: () => 40 },
    },
  },
  utilisation: {
    label: 'Utilisation', unit: '%',
    kinds: { server: { value: (t) => prop(t, 'compute', 'utilisationPct'), max: () => 100 } },
  },
  coolantDelta: {
    label: 'Coolant ΔT', unit: 'K',
    kinds: {
      rack: { value: delta('coolant'), max: () => 15 },
      cdu: { value: delta('primary'), max: () => 15 },
    },
  },
  pv: {
    label: 'PV output', unit: 'kW',
    kinds: {
      pv_array: { value: pv, max: pvRange, maxLabel: 'its peak (dcKw)' },
      pv_inverter: { value: (t) => prop(t, 'ac', 'powerKw'), max: () => 300 },
    },
  },
};

/** The metric that shows an incident of a type best (docs/KPIS-AND-INCIDENTS.md), when one does. */
export const METRIC_OF_INCIDENT = {
  'rack-inlet-out-of-range': 'inlet',
  'coolant-flow-loss': 'inlet',
  'coolant-over-class': 'coolantDelta',
  'pv-inverter-trip': 'pv',
};

function scaled(v, factor) {
  return v === undefined ? undefined : v * factor;
}

// A five-stop blue → yellow → red scale (ColorBrewer RdYlBu, reversed); matches style.css.
const STOPS = [
  [0x2c, 0x7b, 0xb6], [0xab, 0xd9, 0xe9], [0xff, 0xff, 0xbf], [0xfd, 0xae, 0x61], [0xd7, 0x19, 0x1c],
];
export const NO_VALUE = [0.42, 0.45, 0.5];

/** The colour (r, g, b in 0..1) of a fraction 0..1 of the scale. */
export function rampColour(fraction) {
  const f = Math.min(1, Math.max(0, fraction)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(f));
  const w = f - i;
  return STOPS[i].map((c, k) => (c + (STOPS[i + 1][k] - c) * w) / 255);
}

/** The colour of a twin under a metric: NO_VALUE when it has none. */
export function colourOf(metric, kind, twin) {
  const spec = metric.kinds[kind];
  if (!spec) return null;
  const v = spec.value(twin);
  if (v === undefined || typeof v !== 'number') return NO_VALUE;
  const min = metric.min || 0;
  return rampColour((v - min) / (spec.max(twin) - min));
}

/** The legend's HTML: the ramp, its ends, and the range of each kind it colours. */
export function legendHtml(metric) {
  const min = metric.min || 0;
  const kinds = Object.entries(metric.kinds)
    .map(([kind, spec]) => `<li>${kind.replace('_', ' ')}: ${min}–${spec.maxLabel || `${spec.max({ attributes: {} })} ${metric.unit}`}</li>`)
    .join('');
  return `<div class="bar"></div><div class="ends"><span>low</span><span>${metric.label}</span><span>high</span></div>`
    + `<ul>${kinds}<li>grey: no value yet</li></ul>`;
}
