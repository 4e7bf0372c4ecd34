import * as assert from 'node:assert/strict';
import {
  canonicalVersion, compareGoVersions, compareSemver, goVersionOfToolchain, isPrerelease, isPseudoVersion,
  isValidGoVersion, isValidSemver, pseudoVersionBase, semverMajor,
} from '../../../src/core/modfile';

describe('semver', () => {
  const canon: [string, string][] = [
    ['v1.2', 'v1.2.0'],
    ['v1', 'v1.0.0'],
    ['v1.2.3', 'v1.2.3'],
    ['v1.2.3-pre+meta', 'v1.2.3-pre'],
    ['v2.0.0+incompatible', 'v2.0.0+incompatible'],
    ['v1.0.0-rc.1', 'v1.0.0-rc.1'],
    ['1.2.3', ''],
    ['v01.2.3', ''],
    ['v1.2-pre', ''],
    ['v1+meta', ''],
    ['v1.2.3-01', ''],
    ['v1.2.3-', ''],
    ['v1.2.3-a..b', ''],
    ['v1.2.3+', ''],
    ['v1.2.3+001', 'v1.2.3'],
    ['v1.2.3-0a', 'v1.2.3-0a'],
    ['v', ''],
    ['', ''],
  ];
  for (const [v, want] of canon) {
    it(`canonicalVersion(${JSON.stringify(v)}) = ${JSON.stringify(want)}`, () => {
      assert.equal(canonicalVersion(v), want);
      assert.equal(isValidSemver(v), want !== '');
    });
  }

  it('orders versions as semver.Compare does', () => {
    const ordered = ['bad', 'v0.0.0-20190101000000-abcdefabcdef', 'v0.1.0', 'v1.0.0-1', 'v1.0.0-2', 'v1.0.0-10', 'v1.0.0-alpha', 'v1.0.0-alpha.1', 'v1.0.0-alpha.beta', 'v1.0.0-beta', 'v1.0.0', 'v1.2', 'v1.10.0', 'v2.0.0+incompatible', 'v10.0.0'];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        assert.equal(compareSemver(ordered[i], ordered[j]), Math.sign(i - j), `${ordered[i]} vs ${ordered[j]}`);
      }
    }
    assert.equal(compareSemver('v1.2.0', 'v1.2'), 0);
    assert.equal(compareSemver('v1.0.0+a', 'v1.0.0+b'), 0);
    assert.equal(compareSemver('x', 'y'), 0);
  });

  it('knows majors and pre-releases', () => {
    assert.equal(semverMajor('v2.3.4'), 'v2');
    assert.equal(semverMajor('v2'), 'v2');
    assert.equal(semverMajor('2.3.4'), '');
    assert.equal(isPrerelease('v1.0.0-rc.1'), true);
    assert.equal(isPrerelease('v1.0.0+meta'), false);
  });
});

describe('pseudo-versions', () => {
  const table: [string, string | Error][] = [
    ['v0.0.0-20191109021931-daa7c04131f5', ''],
    ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.3'],
    ['v1.2.10-0.20191109021931-daa7c04131f5', 'v1.2.9'],
    ['v1.2.3-pre.0.20191109021931-daa7c04131f5+incompatible', 'v1.2.3-pre+incompatible'],
    ['v2.0.1-0.20191109021931-daa7c04131f5+incompatible', 'v2.0.0+incompatible'],
    ['v1.2.3-20191109021931-daa7c04131f5', new Error('pseudo-version "v1.2.3-20191109021931-daa7c04131f5" invalid: syntax error')],
    ['v1.0.0-20191109021931-daa7c04131f5+incompatible', new Error('pseudo-version "v1.0.0-20191109021931-daa7c04131f5+incompatible" invalid: lacks base version, but has build metadata "+incompatible"')],
    ['v0.0.0-20191109021931-daa7c04131f5+incompatible', new Error('pseudo-version "v0.0.0-20191109021931-daa7c04131f5+incompatible" invalid: lacks base version, but has build metadata "+incompatible"')],
    ['v1.2.0-0.20191109021931-daa7c04131f5', new Error('pseudo-version "v1.2.0-0.20191109021931-daa7c04131f5" invalid: version before v1.2.0 would have negative patch number')],
    ['v1.2.3', new Error('pseudo-version "v1.2.3" invalid: syntax error')],
  ];
  for (const [v, want] of table) {
    it(`pseudoVersionBase(${v})`, () => {
      if (want instanceof Error) {
        assert.equal(isPseudoVersion(v), want.message.endsWith('syntax error') ? false : true);
        assert.throws(() => pseudoVersionBase(v), { message: want.message });
      } else {
        assert.equal(isPseudoVersion(v), true);
        assert.equal(pseudoVersionBase(v), want);
      }
    });
  }
});

describe('go versions (gover)', () => {
  const lineFormat: [string, boolean][] = [
    ['1.21', true], ['1.21.0', true], ['1.21rc1', true], ['1.23beta2', true], ['1.0', true],
    ['1', false], ['1.21.0-rc1', false], ['v1.21', false], ['1.21-custom', false], ['01.2', false], ['1.2.3.4', false],
    ['1.21rc', false],
  ];
  for (const [v, want] of lineFormat) it(`isValidGoVersion(${v}) = ${want}`, () => assert.equal(isValidGoVersion(v), want));

  it('orders versions as cmd/go gover.Compare does', () => {
    const ordered = ['', '1', '1.1', '1.9', '1.20rc1', '1.20', '1.20.1', '1.21', '1.21rc1', '1.21rc2', '1.21.0', '1.21.1', '1.21.10', '1.22alpha1', '1.22beta1', '1.22rc1', '1.22.0', '2'];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        assert.equal(compareGoVersions(ordered[i], ordered[j]), Math.sign(i - j), `${ordered[i]} vs ${ordered[j]}`);
      }
    }
    assert.equal(compareGoVersions('1.20', '1.20.0'), 0); // before 1.21 the language version is the .0 release
    assert.equal(compareGoVersions('1.0', '1'), 0);
    assert.equal(compareGoVersions('junk', ''), 0);
  });

  const toolchains: [string, string | undefined][] = [
    ['go1.22.3-custom', '1.22.3'],
    ['go1.21rc1', '1.21rc1'],
    ['go1.21.0 extra', '1.21.0'],
    ['go1.21', '1.21'],
    ['default', undefined],
    ['local', undefined],
    ['go1.21/x', undefined],
    ['gox', undefined],
  ];
  for (const [name, want] of toolchains) it(`goVersionOfToolchain(${name})`, () => assert.equal(goVersionOfToolchain(name), want));
});
