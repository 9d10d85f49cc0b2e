// What a frame of the campus costs the rasteriser, for benchmarks (window.greentwin.frameCost):
// the time to render a frame until it is drawn (a one-pixel read waits for the rasteriser), and
// how many fragments it rasterises, counted by drawing every object additively, one unit a
// fragment, into an offscreen target and summing. Not used by the app itself.
import * as THREE from 'three';

const UNIT = 1 / 255; // one fragment adds one to an 8-bit channel

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Fragments drawn per pixel (depthTest on: those that pass it in draw order; off: all rasterised). */
function countFragments(renderer, scene, camera, depthTest) {
  const size = renderer.getDrawingBufferSize(new THREE.Vector2());
  const target = new THREE.WebGLRenderTarget(size.x, size.y);
  const material = new THREE.MeshBasicMaterial({
    color: new THREE.Color(UNIT, UNIT, UNIT), blending: THREE.AdditiveBlending, depthTest, depthWrite: depthTest,
  });
  const [background, override] = [scene.background, scene.overrideMaterial];
  [scene.background, scene.overrideMaterial] = [null, material];
  const clear = renderer.getClearColor(new THREE.Color());
  const clearAlpha = renderer.getClearAlpha();
  renderer.setClearColor(0x000000, 0);
  renderer.setRenderTarget(target);
  renderer.render(scene, camera);
  const pixels = new Uint8Array(size.x * size.y * 4);
  renderer.readRenderTargetPixels(target, 0, 0, size.x, size.y, pixels);
  renderer.setRenderTarget(null);
  renderer.setClearColor(clear, clearAlpha);
  [scene.background, scene.overrideMaterial] = [background, override];
  target.dispose();
  material.dispose();
  let fragments = 0;
  let covered = 0;
  let saturated = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    fragments += pixels[i];
    if (pixels[i]) covered++;
    if (pixels[i] === 255) saturated++;
  }
  return { fragments, covered, saturated, pixels: size.x * size.y };
}

/**
 * Renders the current view frames times, each until drawn; returns the median and maximum time
 * (ms), the draw calls and triangles of a frame, the drawing buffer's pixels, and the fragments
 * rasterised (all, and those passing the depth test).
 */
export function frameCost(campus, frames = 10) {
  const { renderer, scene, camera } = campus;
  const gl = renderer.getContext();
  const pixel = new Uint8Array(4);
  const times = [];
  for (let k = 0; k < frames; k++) {
    const t0 = performance.now();
    renderer.render(scene, camera);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    times.push(performance.now() - t0);
  }
  const { calls, triangles } = renderer.info.render;
  const all = countFragments(renderer, scene, camera, false);
  const passing = countFragments(renderer, scene, camera, true);
  campus.invalidate();
  const round = (v) => Math.round(v * 10) / 10;
  return {
    renderMsP50: round(median(times)), renderMsMax: round(Math.max(...times)), calls, triangles,
    pixels: all.pixels, coveredPixels: all.covered, fragments: all.fragments,
    fragmentsPassingDepth: passing.fragments, saturatedPixels: all.saturated,
    software: campus.software, pixelRatio: renderer.getPixelRatio(), antialias: gl.getContextAttributes().antialias,
  };
}
