// The palette module, by itself: node --test src/test/js (PageLogicTest runs every *.test.mjs here from Maven).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as logic from '../../main/resources/io/github/drawnet/studio/web/studio-logic.js';

test('paletteName: the palette names its colours, other colours keep their hex code', () => {
  assert.equal(logic.paletteName('#e69f00'), 'orange');
  assert.equal(logic.paletteName('#56B4E9'), 'sky blue');
  assert.equal(logic.paletteName('#dc143c'), '#dc143c');
});

test('named: hex codes of palette colours in a text become names', () => {
  assert.equal(logic.named('3 classes: background 74.7%, #56b4e9 12.6%, #e69f00 12.6%, #dc143c 1%'),
    '3 classes: background 74.7%, sky blue 12.6%, orange 12.6%, #dc143c 1%');
});
