// The water loops as tubes between the plant's twins, coloured by water temperature, with a
// moving stripe that shows the flow direction.
import * as THREE from 'three';
import { kindOf, prop, localName } from './twins.js';
import { rampColour } from './metrics.js';
import { litMaterial, shaded } from './shading.js';

const HEIGHT_M = 1.5;
const RADIUS_M = 0.7;
/** The water temperature scale of the pipes, °C (warm-water cooling to district heating). */
export const PIPE_TEMP_RANGE_C = [20, 80];

function anchor(twin) {
  const a = twin.attributes;
  const s = a.sizeM || { x: 2, y: 2 };
  return new THREE.Vector3(a.position.xM + s.x / 2, HEIGHT_M, -(a.position.yM + s.y / 2));
}

function centroid(list) {
  const c = new THREE.Vector3();
  list.forEach((t) => c.add(anchor(t)));
  return c.divideScalar(Math.max(1, list.length));
}

/** A right-angled path through the points (east-west first, then north-south), offset sideways. */
function manhattan(points, offset) {
  const path = new THREE.CurvePath();
  const shifted = points.map((p) => p.clone().add(new THREE.Vector3(offset, 0, offset)));
  for (let k = 1; k < shifted.length; k++) {
    const a = shifted[k - 1];
    const b = shifted[k];
    const corner = new THREE.Vector3(b.x, HEIGHT_M, a.z);
    if (a.distanceTo(corner) > 0.01) path.add(new THREE.LineCurve3(a, corner));
    if (corner.distanceTo(b) > 0.01) path.add(new THREE.LineCurve3(corner, b));
  }
  return path;
}

function stripes() {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 4;
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 64, 4);
  g.fillStyle = '#9a9a9a';
  g.fillRect(0, 0, 16, 4);
  const texture = new THREE.CanvasTexture(canvas);
  texture.wrapS = THREE.RepeatWrapping;
  return texture;
}

/**
 * The pipes of the campus: the warm-water loop's supply and return and the heat-recovery pipe to
 * the district-heating and eco-park boundary. Returns the group, the tube of each loop twin (for
 * picking) and the per-frame animation; {@link colourPipes} colours them from the loop twins.
 */
export function buildPipes(twins) {
  const of = (kind) => twins.filter((t) => kindOf(t) === kind && t.attributes && t.attributes.position);
  const group = new THREE.Group();
  const byThing = new Map();
  const tubes = [];
  const pumps = of('pump');
  const buildings = of('building').sort((a, b) => a.attributes.position.xM - b.attributes.position.xM);
  const loops = of('water_loop');
  const warm = loops.find((t) => !localName(t.thingId).includes('recovery')) || loops[0];
  const recovery = loops.find((t) => localName(t.thingId).includes('recovery'));
  const hub = pumps.length ? centroid(pumps) : null;
  const add = (points, offset, loop, property) => {
    if (!loop || points.length < 2 || points.some((p) => !p)) return;
    const path = manhattan(points, offset);
    const texture = stripes();
    texture.repeat.set(Math.max(1, path.getLength() / 6), 1);
    const mesh = new THREE.Mesh(
      shaded(new THREE.TubeGeometry(path, Math.max(32, points.length * 24), RADIUS_M, 8, false)),
      litMaterial({ color: 0x8b949e, map: texture }),
    );
    mesh.userData = { thingId: loop.thingId, property };
    group.add(mesh);
    tubes.push(mesh);
    if (!byThing.has(loop.thingId)) byThing.set(loop.thingId, mesh);
  };
  if (hub && warm) {
    add([hub, ...buildings.map(anchor)], 0, warm, 'supplyTempC');
    const coolers = of('dry_cooler');
    const chiller = of('chiller');
    const back = [...buildings.map(anchor).reverse()];
    if (coolers.length) back.push(centroid(coolers));
    if (chiller.length) back.push(anchor(chiller[0]));
    back.push(hub);
    add(back, 2.5, warm, 'returnTempC');
  }
  const heatPump = of('heat_pump')[0];
  if (hub && heatPump) {
    add([hub, anchor(heatPump)], -2.5, recovery || warm, 'supplyTempC');
    for (const sink of of('heat_export')) add([anchor(heatPump), anchor(sink)], 0, recovery || warm, 'supplyTempC');
  }
  return {
    group,
    byThing,
    tubes,
    animate(dt) {
      for (const tube of tubes) tube.material.map.offset.x -= dt * 0.8;
    },
  };
}

/** Colours each tube by its loop twin's water temperature (grey until measured). */
export function colourPipes(pipes, store) {
  const [lo, hi] = PIPE_TEMP_RANGE_C;
  for (const tube of pipes.tubes) {
    const t = prop(store.get(tube.userData.thingId), 'temperatures', tube.userData.property);
    if (t === undefined) tube.material.color.setHex(0x8b949e);
    else tube.material.color.setRGB(...rampColour((t - lo) / (hi - lo)));
  }
}
