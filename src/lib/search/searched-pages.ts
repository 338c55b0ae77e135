/**
 * The pages Pagefind reads, as a glob relative to the built site: every kind of page that can carry
 * data-pagefind-body (Base.astro sets it where a page names its searchKind). Pagefind would skip the
 * other pages anyway, but only after parsing each one, and a measure's figures and release pages,
 * embeds and what's new are most of a large site's HTML. test/e2e/search.spec.ts checks that every
 * searchable page of the built site matches and that the glob leaves those others out.
 */
export const SEARCHED_PAGES = '{index.html,about/**/*.html,data/**/*.html,measures/*/index.html,measures/*/compare/index.html,plans/**/*.html}';
