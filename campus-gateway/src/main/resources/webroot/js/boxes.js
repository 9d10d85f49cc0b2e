// The boxes of one kind as one plain mesh for drawing. The kind's InstancedMesh stays the model
// (matrices, colours, picking by instance), but it is not drawn: SwiftShader, the software WebGL
// of headless browsers, runs an instanced draw as one internal draw per instance, so thousands of
// instances cost far more than the same triangles in one mesh. One mesh per kind is as few draw
// calls as instancing, and cheap on a GPU too.
import * as THREE from 'three';
import { shaded } from './shading.js';

const BOX = shaded(new THREE.BoxGeometry(1, 1, 1));
const CORNERS = BOX.getAttribute('position');
const SHADE = BOX.getAttribute('color').array; // the baked light of each of the box's vertices
const PER_BOX = CORNERS.count;
const INDEX = BOX.getIndex().array;

/** A mesh with every instance's box, its vertex colours the kind's light times the instance colour. */
export function mergedBoxes(instanced, material) {
  const n = instanced.count;
  const positions = new Float32Array(n * PER_BOX * 3);
  const indices = new Uint32Array(n * INDEX.length);
  const m = new THREE.Matrix4();
  const v = new THREE.Vector3();
  for (let i = 0; i < n; i++) {
    instanced.getMatrixAt(i, m);
    for (let k = 0; k < PER_BOX; k++) v.fromBufferAttribute(CORNERS, k).applyMatrix4(m).toArray(positions, (i * PER_BOX + k) * 3);
    for (let k = 0; k < INDEX.length; k++) indices[i * INDEX.length + k] = i * PER_BOX + INDEX[k];
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  const colours = new THREE.BufferAttribute(new Float32Array(n * PER_BOX * 3), 3).setUsage(THREE.DynamicDrawUsage);
  geometry.setAttribute('color', colours);
  geometry.setIndex(new THREE.BufferAttribute(indices, 1));
  geometry.computeBoundingSphere();
  const mesh = new THREE.Mesh(geometry, material);
  const c = new THREE.Color();
  for (let i = 0; i < n; i++) {
    instanced.getColorAt(i, c);
    paintBox(mesh, i, c);
  }
  return mesh;
}

/** Colours box i of a merged mesh (a THREE.Color or {r, g, b}, linear) under the baked light. */
export function paintBox(mesh, i, { r, g, b }) {
  const colours = mesh.geometry.getAttribute('color').array;
  for (let k = 0, o = i * PER_BOX * 3; k < PER_BOX * 3; k += 3, o += 3) {
    colours[o] = r * SHADE[k];
    colours[o + 1] = g * SHADE[k + 1];
    colours[o + 2] = b * SHADE[k + 2];
  }
}

/** Marks boxes lo..hi of a merged mesh for upload with the next frame. */
export function uploadBoxes(mesh, lo, hi) {
  const colours = mesh.geometry.getAttribute('color');
  colours.clearUpdateRanges();
  colours.addUpdateRange(lo * PER_BOX * 3, (hi - lo + 1) * PER_BOX * 3);
  colours.needsUpdate = true;
}
