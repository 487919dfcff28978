import type { KindSupport } from '../types';
import { baseName, folderNames } from '../paths';
import type { Span } from '../../engine/types';
import { parseNginx, type NginxDirective, type NginxModel } from './model';

export type { NginxArg, NginxDirective, NginxModel } from './model';

const NGINX_FOLDERS = new Set(['nginx', 'conf.d', 'sites-available', 'sites-enabled']);
const SITE_FOLDERS = new Set(['sites-available', 'sites-enabled']);
/** Site files are often named after their domain (`example.com`); these endings are never sites. */
const NOT_A_SITE = /\.(?:md|txt|json|ya?ml|sh|bak|orig|old|swp|save|dpkg-\w+|j2|template|tpl|erb|example|sample)$/i;
/**
 * A top-level http, server or events block, or a location block (a snippet included into a
 * server, like linuxserver's *.subfolder.conf): cheap enough to run on every other .conf file,
 * and linear (no part of it can match the same text two ways).
 */
const NGINX_CONTENT = /^[ \t\uFEFF]*(?:(?:http|server|events)[ \t]*\{|location[ \t]+(?:[=~^@][^\s{]*[ \t]+)?[^\s{]+[ \t]*\{)/m;

export const nginxSupport: KindSupport<NginxModel> = {
  kind: 'nginx',
  label: 'nginx',
  commentPrefix: '#',
  claim(path) {
    const name = baseName(path).toLowerCase();
    if (name === 'nginx.conf' || name.endsWith('.nginx')) return 'yes';
    const folders = folderNames(path);
    if (name.endsWith('.conf')) return folders.some((folder) => NGINX_FOLDERS.has(folder)) ? 'yes' : 'sniff';
    const parent = folders[folders.length - 1];
    if (parent !== undefined && SITE_FOLDERS.has(parent) && !NOT_A_SITE.test(name)) return 'yes';
    return 'no';
  },
  sniff: (text) => NGINX_CONTENT.test(text),
  parse: parseNginx,
  foldingRanges: (model) => {
    const spans: Span[] = [];
    const stack: NginxDirective[] = [...model.directives];
    while (stack.length) {
      const directive = stack.pop()!;
      if (directive.openBrace && directive.closeBrace) spans.push({ start: directive.openBrace.start, end: directive.closeBrace.start });
      if (directive.children) stack.push(...directive.children);
    }
    return spans.sort((a, b) => a.start - b.start);
  },
};
