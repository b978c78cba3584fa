import { describe, expect, it } from 'vitest';
import type { ResearchCode } from '../../api/research';
import { buildCodeTree, codePath, flattenTree, subtreeIds } from './codebookTree';

const code = (id: string, name: string, parentId?: string): ResearchCode => ({ id, name, ...(parentId ? { parentId } : {}) });

const kCodes = [
  code('p', 'Steun'),
  code('b', 'Praktisch', 'p'),
  code('a', 'Emotioneel', 'p'),
  code('c', 'Boodschappen', 'b'),
  code('z', 'Afstemming'),
];

describe('the codebook tree', () => {
  it('nests codes below their parents, siblings by name', () => {
    const flat = flattenTree(buildCodeTree(kCodes)).map((node) => `${'-'.repeat(node.depth)}${node.code.name}`);
    expect(flat).toEqual(['Afstemming', 'Steun', '-Emotioneel', '-Praktisch', '--Boodschappen']);
  });

  it('keeps a code whose parent is gone, and codes in a cycle, at the top', () => {
    const roots = buildCodeTree([code('x', 'Wees', 'missing'), code('m', 'M', 'n'), code('n', 'N', 'm')]);
    expect(roots.map((node) => node.code.name)).toEqual(['M', 'N', 'Wees']);
    expect(flattenTree(roots)).toHaveLength(3);
  });

  it('knows the subtree a code may not move into', () => {
    expect([...subtreeIds(buildCodeTree(kCodes), 'b')].sort()).toEqual(['b', 'c']);
    expect(subtreeIds(buildCodeTree(kCodes), 'nope').size).toBe(0);
  });

  it('names a code by its path', () => {
    expect(codePath(kCodes, 'c')).toBe('Steun › Praktisch › Boodschappen');
    expect(codePath(kCodes, 'z')).toBe('Afstemming');
  });
});
