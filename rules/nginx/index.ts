import type { Rule } from '../../server/src/engine/rule';
import addHeaderAlways from './add-header-always';
import addHeaderInheritance from './add-header-inheritance';
import gzip from './gzip';
import hsts from './hsts';
import http2 from './http2';
import httpsRedirect from './https-redirect';
import proxyHeaders from './proxy-headers';
import rateLimiting from './rate-limiting';
import securityHeaders from './security-headers';
import serverTokens from './server-tokens';
import sslCertificate from './ssl-certificate';
import tlsCiphers from './tls-ciphers';
import tlsProtocols from './tls-protocols';

export const nginxRules: Rule<any>[] = [
  hsts,
  securityHeaders,
  addHeaderInheritance,
  addHeaderAlways,
  tlsProtocols,
  tlsCiphers,
  httpsRedirect,
  serverTokens,
  rateLimiting,
  proxyHeaders,
  sslCertificate,
  http2,
  gzip,
];
