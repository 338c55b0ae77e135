// Astro configuration. The site's public address and base path come from one place
// (SITE_URL / BASE_PATH, see README "Deployment"), so any static host can serve the build.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readRedirects } from './src/lib/validate/redirects.ts';
import { servedAt } from './src/lib/build/deployment.ts';

const root = process.env.SND_ROOT ?? new URL('.', import.meta.url).pathname;
// Where the site is served: read from the environment here, at the entry point, and handed to
// pages as Astro's `site` and `base` (Astro.site, import.meta.env.BASE_URL).
const { origin: site, base } = servedAt(process.env, root);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Astro 7's default ('jsx') drops line breaks around elements, so "under the⏎<a>licence</a>"
  // rendered as "theOpen Government Licence" everywhere. `true` compresses without losing spaces.
  compressHTML: true,
  scopedStyleStrategy: 'class',
  // Styles as external files in _astro/ (one per group of pages that share them, cached across pages),
  // not a <style> copy in every page: at 2,000 measures the copies were about 110 MB of dist/. The
  // CSP's style-src 'self' allows them; the policy no longer lists a hash per inline style.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Old slugs named in content (redirect_from) keep working as static redirects.
  // Targets carry the base path: Astro writes them into the redirect pages as they are.
  redirects: Object.fromEntries(Object.entries(readRedirects(root)).map(([from, to]) => [from, `${base.replace(/\/$/, '')}${to}`])),
  // Embed pages (/embed/...) are noindex, for other sites' iframes: the sitemap lists only the pages they stand for.
  integrations: [mdx(), sitemap({ filter: (page) => !new URL(page).pathname.startsWith(`${base}embed/`) })],
  // No code blocks need highlighting, and Shiki's inline styles would break the strict CSP.
  markdown: { syntaxHighlight: false },
  // Strict policy: only our own origin; Astro hashes the styles and scripts it emits.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine; it allows no JavaScript eval.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // MDX modules carry Astro's "use astro:head-inject" directive, which the bundler warns
        // about on every file although Astro handles it; drop only that warning.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
