/**
 * The shape of linuxserver's reverse-proxy confs, reduced: a TLS server whose TLS settings and proxy
 * settings live in includes the workspace does not have. Every verdict that depends on them is
 * unknown, never clean (the checklist engineer's reproduction).
 */
export const PROXY_SITE =
  'server {\n    listen 443 ssl;\n    include /config/nginx/ssl.conf;\n    location / {\n        include /config/nginx/proxy.conf;\n        proxy_pass http://app:8080;\n    }\n}\n';
