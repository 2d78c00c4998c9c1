// Drawnet studio: the palette and its names, an ES module imported by studio.js and tested by itself with Node's
// test runner (src/test/js, run by PageLogicTest).

// The ink colours to draw classes with: Okabe and Ito's palette (without its yellow, faint on white), whose
// colours stay apart under the common colour-vision deficiencies. The first is the notebook's black ink: a
// drawing in one colour is the notebook's two-class drawing, drawn and read as before.
const PALETTE = [
  { name: 'black', hex: '#000000' },
  { name: 'orange', hex: '#e69f00' },
  { name: 'sky blue', hex: '#56b4e9' },
  { name: 'bluish green', hex: '#009e73' },
  { name: 'vermillion', hex: '#d55e00' },
  { name: 'blue', hex: '#0072b2' },
  { name: 'reddish purple', hex: '#cc79a7' },
];

/** Returns the palette's name of a colour ('orange' for #e69f00), or its hex code for a colour not in the palette. */
function paletteName(hex) {
  const h = String(hex).toLowerCase();
  const c = PALETTE.find((p) => p.hex === h);
  return c ? c.name : h;
}

/** Returns the text with each hex code of a palette colour replaced by the colour's name. */
function named(text) {
  return String(text).replace(/#[0-9a-f]{6}\b/gi, (h) => paletteName(h));
}

export { PALETTE, paletteName, named };
