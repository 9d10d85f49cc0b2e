// The header's campus KPIs from the site twin's kpi feature ("—" until the KPI job fills them).
import { formatValue } from './twins.js';

// Label, unit, and the property names accepted for it (first present wins).
const KPIS = [
  ['IT', 'kW', ['itPowerKw', 'itKw']],
  ['Facility', 'kW', ['facilityPowerKw', 'facilityKw']],
  ['PUE', '', ['pue']],
  ['ERE', '', ['ere']],
  ['ERF', '', ['erf']],
  ['CUE', 'kg/kWh', ['cue', 'cueKgPerKwh']],
  ['REF', '', ['ref']],
  ['Heat exported', 'kW', ['heatExportedKw', 'heatExportKw']],
  ['PV', 'kW', ['pvPowerKw', 'pvKw']],
  ['Grid import', 'kW', ['gridImportKw', 'gridImportPowerKw']],
];

export function renderKpis(container, site) {
  const props = site?.features?.kpi?.properties || {};
  container.replaceChildren();
  for (const [label, unit, names] of KPIS) {
    const name = names.find((n) => props[n] !== undefined && props[n] !== null);
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = unit ? `${label} (${unit})` : label;
    const dd = document.createElement('dd');
    dd.textContent = name ? formatValue(props[name]) : '—';
    dd.dataset.kpi = label;
    div.append(dt, dd);
    container.append(div);
  }
}
