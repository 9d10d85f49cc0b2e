// Lighting baked into vertex colours: the campus is lit by one sky (hemisphere) light and one sun
// that never move, so each vertex's share of their light is computed once here, with three.js's
// own Lambert formulas, and the materials are MeshBasicMaterial (no lighting per pixel). Software
// WebGL (SwiftShader in headless browsers) spends most of a frame shading fragments.
import * as THREE from 'three';

const SKY = new THREE.Color(0xdfeaff).multiplyScalar(2.2); // HemisphereLight(sky, ground, 2.2)
const GROUND = new THREE.Color(0x2a3440).multiplyScalar(2.2);
const SUN = new THREE.Vector3(200, 400, 150).normalize(); // DirectionalLight(white, 1.6) from there
const SUN_INTENSITY = 1.6;

/** The light a surface with this normal reflects, per channel (linear), as MeshLambertMaterial does. */
export function shadeOf(normal, target = new THREE.Color()) {
  target.copy(GROUND).lerp(SKY, 0.5 * normal.y + 0.5);
  const sun = SUN_INTENSITY * Math.max(0, normal.dot(SUN));
  return target.setRGB(target.r + sun, target.g + sun, target.b + sun).multiplyScalar(1 / Math.PI);
}

/** Adds the baked light of each vertex (from its normal) as the geometry's colour attribute. */
export function shaded(geometry) {
  const normals = geometry.getAttribute('normal');
  const colours = new Float32Array(normals.count * 3);
  const n = new THREE.Vector3();
  const c = new THREE.Color();
  for (let i = 0; i < normals.count; i++) shadeOf(n.fromBufferAttribute(normals, i), c).toArray(colours, i * 3);
  geometry.setAttribute('color', new THREE.BufferAttribute(colours, 3));
  return geometry;
}

/** An unlit material that shows the baked light (vertex colours) times its colour or instance colours. */
export function litMaterial(params = {}) {
  return new THREE.MeshBasicMaterial({ vertexColors: true, ...params });
}
