import type { Rule } from '../../server/src/engine/rule';
import addHeaderAlways from './add-header-always';
import addHeaderInheritance from './add-header-inheritance';
import addHeaderMultiline from './add-header-multiline';
import aliasTraversal from './alias-traversal';
import allowWithoutDeny from './allow-without-deny';
import gzip from './gzip';
import h2cSmuggling from './h2c-smuggling';
import hostSpoofing from './host-spoofing';
import hsts from './hsts';
import http2 from './http2';
import httpSplitting from './http-splitting';
import httpsRedirect from './https-redirect';
import includeUnresolved from './include-unresolved';
import origins from './origins';
import proxyHeaders from './proxy-headers';
import rateLimiting from './rate-limiting';
import resolverExternal from './resolver-external';
import returnBypassesAllowDeny from './return-bypasses-allow-deny';
import securityHeaders from './security-headers';
import serverTokens from './server-tokens';
import sslCertificate from './ssl-certificate';
import ssrf from './ssrf';
import statusPageExposed from './status-page-exposed';
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
  aliasTraversal,
  ssrf,
  hostSpoofing,
  httpSplitting,
  h2cSmuggling,
  origins,
  addHeaderMultiline,
  allowWithoutDeny,
  returnBypassesAllowDeny,
  statusPageExposed,
  resolverExternal,
  includeUnresolved,
];
