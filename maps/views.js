// SoTTTT web map viewer: asks for /api/views while OpenLayers loads, so main.js finds the answer on its way. A script
// of its own, not inline: the server's Content-Security-Policy runs only this origin's script files.
window.sottttViews = fetch('api/views').then((r) => r.json());
