import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Credentials, displayUrl, goauthUsesNetrc, netrcPath, parseNetrc } from '../../../src/core/net/credentials';

const basic = (s: string) => 'Basic ' + Buffer.from(s).toString('base64');

describe('net/credentials: .netrc and URL user info', () => {
  it('parses .netrc as cmd/go does', () => {
    // The cases of cmd/go/internal/auth/netrc_test.go, written again.
    const text = `
machine incomplete
password none

machine api.github.com
  login user
  password pwd

machine incomlete.host
  login justlogin

machine test.host
login user2
password pwd2

machine oneline login user3 password pwd3

machine ignore.host macdef ignore
  login nobody
  password nothing

machine hasmacro.too macdef ignore-next-lines login user4 password pwd4
  login nobody
  password nothing

default
login anonymous
password gopher@golang.org

machine after.default
login oops
password too-late-in-file
`;
    assert.deepEqual(parseNetrc(text), [
      { machine: 'api.github.com', login: 'user', password: 'pwd' },
      { machine: 'test.host', login: 'user2', password: 'pwd2' },
      { machine: 'oneline', login: 'user3', password: 'pwd3' },
      { machine: 'hasmacro.too', login: 'user4', password: 'pwd4' },
    ]);
  });

  it('matches by URL prefix, https only, first line wins', () => {
    const c = new Credentials([
      { machine: 'proxy.corp:8443', login: 'a', password: '1' },
      { machine: 'corp.example/goproxy', login: 'b', password: '2' },
      { machine: 'corp.example', login: 'c', password: '3' },
      { machine: 'corp.example', login: 'd', password: '4' },
    ]);
    assert.equal(c.authorizationFor(new URL('https://proxy.corp:8443/x/@v/list')), basic('a:1'));
    assert.equal(c.authorizationFor(new URL('https://proxy.corp/x')), undefined);
    assert.equal(c.authorizationFor(new URL('https://corp.example/goproxy/m/@v/list')), basic('b:2'));
    assert.equal(c.authorizationFor(new URL('https://corp.example/other')), basic('c:3'));
    assert.equal(c.authorizationFor(new URL('http://corp.example/other')), undefined, 'never over http');
    assert.equal(c.authorizationFor(new URL('http://u:p%40ss@corp.example/')), basic('u:p@ss'), 'user info, any scheme');
  });

  it('reads $NETRC, honours GOAUTH=off, and finds ~/.netrc', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gmd-netrc-'));
    try {
      const file = join(dir, 'n');
      writeFileSync(file, 'machine h.example login me password secret\n');
      const u = new URL('https://h.example/x');
      assert.equal(Credentials.fromEnv({ NETRC: file }).authorizationFor(u), basic('me:secret'));
      assert.equal(Credentials.fromEnv({ NETRC: file, GOAUTH: 'off' }).authorizationFor(u), undefined);
      assert.equal(Credentials.fromEnv({ NETRC: file, GOAUTH: 'git /tmp;netrc' }).authorizationFor(u), basic('me:secret'));
      assert.equal(netrcPath({ HOME: dir }, 'linux'), join(dir, '.netrc'));
      assert.equal(Credentials.fromEnv({ NETRC: join(dir, 'missing') }).authorizationFor(u), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(goauthUsesNetrc(''), true);
    assert.equal(goauthUsesNetrc('off'), false);
  });

  it('shows URLs without user info or query', () => {
    assert.equal(displayUrl('https://user:tok@proxy.example/base?token=abc'), 'https://proxy.example/base');
  });
});
