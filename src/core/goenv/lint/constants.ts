// Constants of the env rules: public proxy hosts, public module samples, and the default/China GOPROXY and GOSUMDB.
/** Public module mirrors: modules requested from them become known to a third party. */
export const PUBLIC_PROXY_HOSTS: readonly string[] = [
  'proxy.golang.org', 'goproxy.cn', 'goproxy.io', 'proxy.golang.com.cn', 'mirrors.aliyun.com', 'mirrors.tencent.com',
  'mirrors.cloud.tencent.com', 'repo.huaweicloud.com', 'goproxy.bj.bcebos.com', 'gocenter.io', 'athens.azurefd.net',
  'mirrors.ustc.edu.cn', 'goproxy.baidu.com',
];

/** Well-known public modules used to decide whether a private/insecure pattern is far too broad. */
export const PUBLIC_MODULE_SAMPLES: readonly string[] = [
  'github.com/stretchr/testify', 'golang.org/x/text', 'google.golang.org/grpc', 'gopkg.in/yaml.v3', 'go.uber.org/zap',
  'k8s.io/api', 'cloud.google.com/go', 'go.opentelemetry.io/otel', 'github.com/gin-gonic/gin', 'gitlab.com/gitlab-org/api/client-go',
  'gitee.com/chunanyong/zorm', 'honnef.co/go/tools', 'rsc.io/quote', 'bitbucket.org/creachadair/stringset',
];

export const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';
export const CN_GOPROXY = 'https://goproxy.cn,direct';
export const DEFAULT_GOSUMDB = 'sum.golang.org';
