/** The layers of bin/layers.js as README "How it is built" shows them, with the imports found in the code. */
export function drawLayers(): string;
