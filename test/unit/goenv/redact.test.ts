import assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/core/report/redact';

describe('report/redact', () => {
  const cases: Array<[string, string]> = [
    ['https://user:pass@proxy.example/x', 'https://***@proxy.example/x'],
    ['https://ghtoken@github.com/org/repo', 'https://***@github.com/org/repo'],
    ['GOPROXY=https://a:b@x.example,direct', 'GOPROXY=https://***@x.example,direct'],
    ['https://x.example/p?token=abc123&v=1', 'https://x.example/p?token=***&v=1'],
    ['https://x.example/p?access_token=abc&X-Amz-Signature=def', 'https://x.example/p?access_token=***&X-Amz-Signature=***'],
    ['Authorization: Bearer abc.def.ghi', 'Authorization: Bearer ***'],
    ['proxy-authorization: Basic dXNlcjpwYXNz', 'proxy-authorization: Basic ***'],
    ['GITHUB_TOKEN=ghp_0123456789abcdefghij0123456789abcdef', 'GITHUB_TOKEN=***'],
    ['see ghp_0123456789abcdefghij0123456789abcdef here', 'see *** here'],
    ['GOPROXY=https://proxy.golang.org,direct', 'GOPROXY=https://proxy.golang.org,direct'],
    ['GOAUTH=netrc', 'GOAUTH=netrc'],
    ['GOAUTH=git-auth-helper --token s3cr3t-value example.com', 'GOAUTH=git-auth-helper --token *** example.com'],
    ['helper -password hunter2 --verbose', 'helper -password *** --verbose'],
    ['helper --api-key  k3y --token --other', 'helper --api-key  *** --token --other'],
    ['curl -H "PRIVATE-TOKEN: glabc123"', 'curl -H "PRIVATE-TOKEN: ***"'],
    ['job-token:abc', 'job-token:***'],
    ['helper --tokens-dir /x', 'helper --tokens-dir ***'],
    ['user@example.com wrote', 'user@example.com wrote'],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.equal(redactSecrets(input), want));
});
