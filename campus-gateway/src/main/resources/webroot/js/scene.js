// The campus in three.js: one InstancedMesh per kind of asset (thousands of servers in one draw
// call), laid out from the twins' position/sizeM attributes (metres: x east, y north, z up; the
// position is the asset's lower south-west corner), the water loops as tubes, picking by instance.
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { kindOf } from './twins.js';
import { buildPipes } from './pipes.js';
import { litMaterial, shadeOf } from './shading.js';
import { mergedBoxes, paintBox, uploadBoxes } from './boxes.js';

// How each kind is drawn; kinds not listed (rows, the site) are not drawn as boxes.
const STYLES = {
  building: { colour: 0x8da2b5, opacity: 0.12, pickable: false },
  hall: { colour: 0x2b3947, flat: true },
  rack: { colour: 0x5b6b7a, opacity: 0.35 },
  server: { colour: 0x6b7b8a },
  cdu: { colour: 0x1f9bd1 },
  pump: { colour: 0x2f81f7, size: [2, 2, 1.5] },
  dry_cooler: { colour: 0x7ee0c3, size: [8, 2.6, 3] },
  chiller: { colour: 0x58a6ff, size: [10, 4, 3.5] },
  heat_pump: { colour: 0xf0883e, size: [8, 4, 3.5] },
  heat_export: { colour: 0xda3633, size: [4, 4, 3] },
  pv_array: { colour: 0x1a3a6b, flat: true },
  pv_roof: { colour: 0x1a3a6b, flat: true, opacity: 0.55 }, // rooftop arrays, cut away with the shells
  pv_inverter: { colour: 0x8b949e, size: [1.2, 0.8, 1.8] },
  grid_meter: { colour: 0xd2a8ff, size: [3, 2, 2.5] },
  ev_hub: { colour: 0x3fb950, size: [24, 14, 0.6] },
  weather_station: { colour: 0xe3b341, size: [1, 1, 4] },
  water_loop: null,
  row: null,
  site: null,
};
const DEFAULT_SIZE = [2, 2, 2];

// Ground-mounted PV needs about 6.5 m² of land per kWp with row spacing (a planning rule of thumb,
// e.g. NREL "Land-Use Requirements for Solar Power Plants", 2013, for fixed-tilt arrays).
const PV_LAND_M2_PER_KWP = 6.5;

/**
 * The footprint of a twin without a sizeM attribute, when it can be inferred: a rooftop PV array
 * covers its building's roof; a ground array the land its peak power needs, four times as wide
 * as deep.
 */
function inferredSize(twin, buildings) {
  const a = twin.attributes;
  if (kindOf(twin) !== 'pv_array' || !a.dcKw) return null;
  const roof = buildings.find((b) => b.attributes.position.xM === a.position.xM
    && b.attributes.position.yM === a.position.yM && a.position.zM > 0);
  if (roof) return [roof.attributes.sizeM.x, roof.attributes.sizeM.y, 0.3];
  const area = a.dcKw * PV_LAND_M2_PER_KWP;
  const x = Math.sqrt(area * 4);
  return [x, area / x, 0.3];
}

/** The centre and extent of a twin's box in scene coordinates (y up), or null without position. */
export function boxOf(twin, inferred = null) {
  const a = twin.attributes || {};
  const p = a.position;
  if (!p) return null;
  const style = STYLES[kindOf(twin)] || {};
  const s = a.sizeM ? [a.sizeM.x, a.sizeM.y, a.sizeM.z] : inferred || style.size || DEFAULT_SIZE;
  const height = style.flat ? Math.max(0.15, Math.min(s[2], 0.3)) : Math.max(s[2], 0.05);
  return {
    centre: new THREE.Vector3(p.xM + s[0] / 2, (p.zM || 0) + height / 2, -(p.yM + s[1] / 2)),
    size: new THREE.Vector3(Math.max(s[0], 0.05), height, Math.max(s[1], 0.05)),
  };
}

// How often the scene is redrawn for what nobody is interacting with (the pipes' flow stripes, live
// colours from the stream): every frame on a GPU; on a software rasteriser, where a frame of the
// demo campus costs 25-40 ms of CPU, eight times a second, so that a stream of changes cannot keep
// the rasteriser busy every frame (camera moves and view changes are still drawn at once).
const AMBIENT_STEP_S = { hardware: 0, software: 0.125 };

/** Whether WebGL runs on the CPU (SwiftShader, llvmpipe): a throwaway context's renderer name. */
function softwareWebGl() {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return true;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  const lose = gl.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}

const PIXEL = new Uint8Array(4);
const PAINT = new THREE.Color(); // scratch, so that colouring allocates nothing
const MARK_MATERIAL = new THREE.LineBasicMaterial({ color: 0xffb000, depthTest: false });

/** Places a unit-box outline around a box, a little larger so that it shows. */
function outline(lines, box) {
  lines.position.copy(box.centre);
  lines.scale.copy(box.size).addScalar(0.05);
  return lines;
}

export class CampusScene {
  constructor(canvas) {
    this.canvas = canvas;
    // On a CPU rasteriser every pixel costs: one sample per pixel and no device-pixel scaling there.
    this.software = softwareWebGl();
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: !this.software, powerPreference: 'high-performance' });
    this.renderer.setPixelRatio(this.software ? 1 : Math.min(window.devicePixelRatio, 2));
    this.scene = new THREE.Scene();
    this.scene.background = new THREE.Color(0x0f1720);
    this.camera = new THREE.PerspectiveCamera(45, 1, 0.5, 5000);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = true;
    this.controls.maxPolarAngle = Math.PI * 0.495;
    this.controls.addEventListener('change', () => this.invalidate());
    this.dirty = true; // a frame is drawn only when something changed (render on demand)
    this.dirtyColours = new Set(); // meshes whose instance colours changed since the last frame
    this.meshes = new Map(); // kind -> InstancedMesh
    this.index = new Map(); // thingId -> { mesh, i } | { object }
    this.pipes = null;
    this.frameHooks = [];
    this.stats = { calls: 0, triangles: 0, frames: 0 };
    this.highlight = new THREE.LineSegments(
      new THREE.EdgesGeometry(new THREE.BoxGeometry(1, 1, 1)),
      new THREE.LineBasicMaterial({ color: 0xffffff, depthTest: false }),
    );
    this.highlight.visible = false;
    this.highlight.renderOrder = 10;
    this.scene.add(this.highlight);
    this.marked = new THREE.Group(); // outlines of the assets an incident involves
    this.markedIds = [];
    this.scene.add(this.marked);
    this.resize();
    new ResizeObserver(() => this.resize()).observe(canvas);
  }

  /** Builds the scene from every twin. */
  build(twins) {
    const byKind = new Map();
    for (const t of twins) {
      const kind = kindOf(t);
      if (STYLES[kind] === null || !t.attributes || !t.attributes.position) continue;
      const group = kind === 'pv_array' && t.attributes.position.zM > 0 ? 'pv_roof' : kind;
      if (kind === 'site') this.addGround(t);
      else (byKind.get(group) || byKind.set(group, []).get(group)).push(t);
    }
    const buildings = (byKind.get('building') || []).filter((b) => b.attributes.sizeM);
    for (const [kind, list] of byKind) this.addInstances(kind, list, buildings);
    this.pipes = buildPipes(twins);
    this.scene.add(this.pipes.group);
    for (const [id, object] of this.pipes.byThing) this.index.set(id, { object });
    this.home();
  }

  addGround(site) {
    const s = site.attributes.sizeM || { x: 420, y: 300 };
    const ground = new THREE.Mesh(
      new THREE.PlaneGeometry(s.x, s.y),
      new THREE.MeshBasicMaterial({ color: new THREE.Color(0x1c2a22).multiply(shadeOf(THREE.Object3D.DEFAULT_UP)) }),
    );
    ground.rotation.x = -Math.PI / 2;
    ground.position.set(s.x / 2, -0.02, -s.y / 2);
    this.scene.add(ground);
    this.siteSize = s;
  }

  addInstances(kind, list, buildings) {
    const style = STYLES[kind] || { colour: 0x8b949e };
    const transparent = style.opacity !== undefined;
    const material = litMaterial({
      transparent,
      opacity: transparent ? style.opacity : 1,
      depthWrite: !transparent,
    });
    const mesh = new THREE.InstancedMesh(new THREE.BoxGeometry(1, 1, 1), material, list.length);
    mesh.name = kind;
    mesh.userData = { kind, ids: [], pickable: style.pickable !== false, base: new THREE.Color(style.colour), lo: Infinity, hi: -1 };
    const m = new THREE.Matrix4();
    const q = new THREE.Quaternion();
    list.forEach((t, i) => {
      const box = boxOf(t, t.attributes.sizeM ? null : inferredSize(t, buildings));
      m.compose(box.centre, q, box.size);
      mesh.setMatrixAt(i, m);
      mesh.setColorAt(i, mesh.userData.base);
      mesh.userData.ids.push(t.thingId);
      this.index.set(t.thingId, { mesh, i });
    });
    mesh.computeBoundingSphere();
    // The instanced mesh is the model (picking, boxes, colours); one merged mesh is drawn (boxes.js).
    const drawn = mergedBoxes(mesh, material);
    drawn.name = kind;
    if (transparent) drawn.renderOrder = 2;
    mesh.userData.drawn = drawn;
    this.meshes.set(kind, mesh);
    this.scene.add(drawn);
  }

  /** Sets an instance's colour ([r, g, b] in 0..1; null for the kind's own colour). */
  setColour(id, rgb) {
    const at = this.index.get(id);
    if (!at || !at.mesh) return;
    const { mesh, i } = at;
    const colour = rgb ? PAINT.setRGB(rgb[0], rgb[1], rgb[2]) : mesh.userData.base;
    colour.toArray(mesh.instanceColor.array, i * 3);
    paintBox(mesh.userData.drawn, i, colour);
    mesh.userData.lo = Math.min(mesh.userData.lo, i);
    mesh.userData.hi = Math.max(mesh.userData.hi, i);
    this.dirtyColours.add(mesh);
  }

  /** Uploads the changed colours, one range per drawn mesh, once per frame. */
  uploadColours() {
    for (const mesh of this.dirtyColours) {
      uploadBoxes(mesh.userData.drawn, mesh.userData.lo, mesh.userData.hi);
      [mesh.userData.lo, mesh.userData.hi] = [Infinity, -1];
    }
    if (this.dirtyColours.size) this.dirty = true;
    this.dirtyColours.clear();
  }

  /** Asks for a frame: the view changed in a way the scene cannot see by itself. */
  invalidate() {
    this.dirty = true;
  }

  /** Shows or hides the building shells and their rooftop arrays (cut away). */
  setCutaway(on) {
    for (const kind of ['building', 'pv_roof']) {
      const mesh = this.meshes.get(kind);
      if (mesh) mesh.visible = mesh.userData.drawn.visible = !on;
    }
    this.invalidate();
  }

  /** The twin ids under a canvas point, nearest first; buildings only when nothing else is hit. */
  pick(clientX, clientY) {
    const rect = this.canvas.getBoundingClientRect();
    const ndc = new THREE.Vector2(
      ((clientX - rect.left) / rect.width) * 2 - 1,
      -((clientY - rect.top) / rect.height) * 2 + 1,
    );
    const ray = new THREE.Raycaster();
    ray.setFromCamera(ndc, this.camera);
    const targets = [...this.meshes.values()].filter((m) => m.visible && m.userData.pickable);
    if (this.pipes) targets.push(...this.pipes.byThing.values());
    return ray
      .intersectObjects(targets, false)
      .map((hit) => (hit.instanceId !== undefined && hit.object.isInstancedMesh
        ? hit.object.userData.ids[hit.instanceId]
        : hit.object.userData.thingId))
      .filter((id, k, all) => id && all.indexOf(id) === k);
  }

  /** The box of a drawn twin in scene coordinates, or null. */
  boxOfDrawn(id) {
    const at = this.index.get(id);
    if (!at) return null;
    if (at.object) {
      const b = new THREE.Box3().setFromObject(at.object);
      return { centre: b.getCenter(new THREE.Vector3()), size: b.getSize(new THREE.Vector3()) };
    }
    const m = new THREE.Matrix4();
    at.mesh.getMatrixAt(at.i, m);
    const centre = new THREE.Vector3();
    const size = new THREE.Vector3();
    m.decompose(centre, new THREE.Quaternion(), size);
    return { centre, size };
  }

  select(id) {
    const box = id && this.boxOfDrawn(id);
    this.highlight.visible = !!box;
    if (box) outline(this.highlight, box);
    this.invalidate();
  }

  /** Outlines the drawn ones of the twins (amber, in front of everything); [] clears. */
  mark(ids) {
    this.marked.clear();
    this.markedIds = ids.filter((id) => this.boxOfDrawn(id));
    for (const id of this.markedIds) {
      const box = new THREE.LineSegments(this.highlight.geometry, MARK_MATERIAL);
      box.renderOrder = 9;
      this.marked.add(outline(box, this.boxOfDrawn(id)));
    }
    this.invalidate();
  }

  /** An instance's colour now ([r, g, b] in 0..1), or null for a twin not drawn as an instance. */
  colourOf(id) {
    const at = this.index.get(id);
    if (!at || !at.mesh) return null;
    const colour = new THREE.Color();
    at.mesh.getColorAt(at.i, colour);
    return colour.toArray();
  }

  /** Moves the camera to look at a twin from a distance that fits it. */
  focus(id) {
    this.frame([id]);
  }

  /** Moves the camera to look at the drawn ones of the twins together. */
  frame(ids) {
    const all = new THREE.Box3();
    for (const box of ids.map((id) => this.boxOfDrawn(id)).filter(Boolean)) {
      all.union(new THREE.Box3().setFromCenterAndSize(box.centre, box.size));
    }
    if (all.isEmpty()) return;
    const centre = all.getCenter(new THREE.Vector3());
    const distance = Math.max(6, all.getSize(new THREE.Vector3()).length() * 2.2);
    this.controls.target.copy(centre);
    this.camera.position.copy(centre).add(new THREE.Vector3(0.45, 0.7, 0.8).normalize().multiplyScalar(distance));
    this.controls.update();
  }

  /** The halls (else the whole site) in view, from the south-east and above. */
  home() {
    const halls = this.meshes.get('hall');
    const box = halls ? new THREE.Box3().setFromObject(halls) : null;
    const s = this.siteSize || { x: 420, y: 300 };
    const centre = box ? box.getCenter(new THREE.Vector3()) : new THREE.Vector3(s.x / 2, 0, -s.y / 2);
    const span = box ? Math.max(box.max.x - box.min.x, box.max.z - box.min.z) : Math.max(s.x, s.y);
    this.controls.target.copy(centre);
    this.camera.position.copy(centre).add(new THREE.Vector3(0.15, 0.8, 0.7).multiplyScalar(span * 1.15));
    this.controls.update();
  }

  /** Where a twin's centre is on the page (CSS pixels), for tests and tooling. */
  screenPosition(id) {
    const box = this.boxOfDrawn(id);
    if (!box) return null;
    const v = box.centre.clone().project(this.camera);
    const rect = this.canvas.getBoundingClientRect();
    return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
  }

  resize() {
    const w = this.canvas.clientWidth || 1;
    const h = this.canvas.clientHeight || 1;
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.invalidate();
  }

  /**
   * The frame loop: hooks run every animation frame (e.g. merging a batch of live changes into the
   * colours), but a frame is drawn only when the camera moved or the view changed, or when the
   * pipes' flow stripes or changed colours are due (AMBIENT_STEP_S); changed colours also ride
   * along with any frame that is drawn anyway.
   */
  start() {
    const clock = new THREE.Clock();
    const ambientStep = this.software ? AMBIENT_STEP_S.software : AMBIENT_STEP_S.hardware;
    let flowDt = 0;
    let sinceDrawn = 0;
    this.renderer.setAnimationLoop(() => {
      const dt = clock.getDelta();
      const t0 = performance.now();
      for (const hook of this.frameHooks) hook(dt);
      flowDt += dt;
      sinceDrawn += dt;
      if (this.pipes && this.pipes.tubes.length && flowDt >= ambientStep) {
        this.pipes.animate(flowDt);
        flowDt = 0;
        this.dirty = true;
      }
      this.controls.update(); // damping; emits 'change' while the camera moves
      if (this.dirty || sinceDrawn >= ambientStep) this.uploadColours(); // sets dirty if any
      const t1 = performance.now();
      if (!this.dirty) return;
      this.dirty = false;
      sinceDrawn = 0;
      this.renderer.render(this.scene, this.camera);
      this.recordFrame(t0, t1);
    });
  }

  /**
   * Draw calls and triangles of the last frame; where a benchmark asks (stats.samples = []), the
   * time of applying changes and of submitting the frame, and where it also asks for the time until
   * the frame is rasterised (stats.drawnEvery = n), that time on every n-th frame: a one-pixel read
   * waits for it, which stalls that frame, so frame intervals are measured without it.
   */
  recordFrame(t0, t1) {
    this.stats.calls = this.renderer.info.render.calls;
    this.stats.triangles = this.renderer.info.render.triangles;
    this.stats.frames++;
    if (!this.stats.samples) return;
    const submitted = performance.now();
    let rasterised = null;
    if (this.stats.drawnEvery && this.stats.frames % this.stats.drawnEvery === 0) {
      const gl = this.renderer.getContext();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, PIXEL);
      rasterised = performance.now() - t1;
    }
    this.stats.samples.push([t1 - t0, submitted - t1, rasterised]);
  }
}
