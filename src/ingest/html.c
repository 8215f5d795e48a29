/* html.c - article text out of an HTML page, through gumbo's real parser.
 *
 * Block elements become paragraphs separated by "\n\n", <br> a line
 * break; scripts, styles, navigation, footers, asides, forms and
 * containers whose class/id is a furniture cue ("newsletter", "related")
 * are skipped. When the page has <article> elements the largest one is
 * taken (else <main>, else <body>). Title and date come from the whole
 * page. Every walk is iterative with an explicit stack, so deeply nested
 * markup cannot overflow the C stack. */
#include "ingest_internal.h"

#include "newsgraph/error.h"

#include <gumbo.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- an explicit stack of (node, next child) ---- */

typedef struct frame {
    const GumboNode *node;
    unsigned next;
} frame;

typedef struct stack {
    frame *v;
    size_t n, cap;
} stack;

static int push(stack *s, const GumboNode *node)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        frame *nv = realloc(s->v, cap * sizeof *nv);
        if (!nv)
            return NG_ENOMEM;
        s->v = nv;
        s->cap = cap;
    }
    s->v[s->n].node = node;
    s->v[s->n++].next = 0;
    return 0;
}

static const GumboVector *children(const GumboNode *n)
{
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
        return &n->v.element.children;
    if (n->type == GUMBO_NODE_DOCUMENT)
        return &n->v.document.children;
    return NULL;
}

/* One step of the depth-first walks below: pushes the next child of the
 * top frame, or pops the frame when it has none left. */
static int step(stack *s)
{
    frame *top = &s->v[s->n - 1];
    const GumboVector *kids = children(top->node);
    if (kids && top->next < kids->length)
        return push(s, kids->data[top->next++]);
    s->n--;
    return 0;
}

static int is_element(const GumboNode *n)
{
    return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

static const char *attr(const GumboNode *n, const char *name)
{
    if (!is_element(n))
        return NULL;
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

/* ---- text with collapsed whitespace ---- */

enum sep { SEP_NONE, SEP_SPACE, SEP_LINE, SEP_PARA };

typedef struct writer {
    ng_strbuf out;
    enum sep pending;
} writer;

static void want(writer *w, enum sep s)
{
    if (s > w->pending)
        w->pending = s;
}

/* Appends text, turning every run of whitespace into one pending space;
 * separators are written only before the next visible character, so no
 * paragraph is empty and the text never starts or ends with blanks. */
static int write_text(writer *w, const char *s)
{
    for (const char *p = s; *p;) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f') {
            want(w, SEP_SPACE);
            p++;
            continue;
        }
        const char *q = p;
        while (*q && !(*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r' || *q == '\f'))
            q++;
        if (w->out.len && w->pending != SEP_NONE) {
            const char *sep = w->pending == SEP_PARA ? "\n\n" : w->pending == SEP_LINE ? "\n" : " ";
            if (ng_strbuf_puts(&w->out, sep))
                return NG_ENOMEM;
        }
        w->pending = SEP_NONE;
        if (ng_strbuf_append(&w->out, p, (size_t)(q - p)))
            return NG_ENOMEM;
        p = q;
    }
    return 0;
}

static int is_skipped_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_INPUT: case GUMBO_TAG_MATH: case GUMBO_TAG_MENU:
        return 1;
    default:
        return 0;
    }
}

static int is_block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_PRE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HGROUP:
        return 1;
    default:
        return 0;
    }
}

/* 1 when hidden or never text (script, nav...), 2 when a container the
 * furniture cues name by class or id, else 0. */
static int is_skipped(const GumboNode *n, const ng_furniture *f)
{
    if (is_skipped_tag(n->v.element.tag) || attr(n, "hidden"))
        return 1;
    const char *ah = attr(n, "aria-hidden");
    if (ah && strcasecmp(ah, "true") == 0)
        return 1;
    const char *cls = attr(n, "class"), *id = attr(n, "id");
    if (cls && *cls && ngi_furniture_html_class(f, cls, strlen(cls)))
        return 2;
    return id && *id && ngi_furniture_html_class(f, id, strlen(id)) ? 2 : 0;
}

/* Bytes of text under root outside script/style: how much of the page a
 * container holds. */
static size_t text_bytes(const GumboNode *root)
{
    stack s = {0};
    size_t total = 0;
    int rc = push(&s, root);
    while (!rc && s.n) {
        frame *top = &s.v[s.n - 1];
        const GumboNode *n = top->node;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            total += strlen(n->v.text.text);
            s.n--;
            continue;
        }
        if (top->next == 0 && n != root && is_element(n) && is_skipped_tag(n->v.element.tag)) {
            s.n--;
            continue;
        }
        rc = step(&s);
    }
    free(s.v);
    return total;
}

/* Writes the visible text under root. filter = 0 takes every text node
 * (for <title>/<h1>), filter = 1 applies the skip and block rules. */
static int walk_text(const GumboNode *root, const ng_furniture *f, int filter, writer *w)
{
    stack s = {0};
    size_t root_bytes = (size_t)-1; /* computed when first needed */
    int rc = push(&s, root);
    while (!rc && s.n) {
        frame *top = &s.v[s.n - 1];
        const GumboNode *n = top->node;
        const GumboVector *kids = children(n);
        if (top->next == 0 && n != root && is_element(n) && filter) {
            GumboTag t = n->v.element.tag;
            int skip = is_skipped(n, f);
            /* a class such as "story has-related" must not drop the story:
             * a cue-named container holding most of the text is kept */
            if (skip == 2) {
                if (root_bytes == (size_t)-1)
                    root_bytes = text_bytes(root);
                if (text_bytes(n) * 2 > root_bytes)
                    skip = 0;
            }
            if (skip) {
                s.n--;
                continue;
            }
            if (t == GUMBO_TAG_BR)
                want(w, SEP_LINE);
            else if (is_block_tag(t))
                want(w, SEP_PARA);
        }
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE) {
            rc = write_text(w, n->v.text.text);
            s.n--;
            continue;
        }
        if (kids && top->next < kids->length) {
            rc = push(&s, kids->data[top->next++]);
            continue;
        }
        if (filter && is_element(n) && is_block_tag(n->v.element.tag))
            want(w, SEP_PARA);
        s.n--;
    }
    free(s.v);
    return rc;
}

/* ---- page metadata: title, date, the article root ---- */

typedef struct meta {
    const GumboNode *title, *h1, *body, *main, *time;
    const char *og_title, *published, *named_date, *time_value;
    const GumboNode *articles[32];
    size_t narticles;
} meta;

static void note_meta(const GumboNode *n, meta *m)
{
    const char *prop = attr(n, "property"), *name = attr(n, "name"),
               *content = attr(n, "content"), *itemprop = attr(n, "itemprop");
    if (!content)
        return;
    if (prop && strcasecmp(prop, "og:title") == 0 && !m->og_title)
        m->og_title = content;
    if (!m->published && ((prop && strcasecmp(prop, "article:published_time") == 0) ||
                          (itemprop && strcasecmp(itemprop, "datePublished") == 0)))
        m->published = content;
    if (!m->named_date && name &&
        (strcasecmp(name, "date") == 0 || strcasecmp(name, "pubdate") == 0 ||
         strcasecmp(name, "dc.date") == 0 || strcasecmp(name, "dc.date.issued") == 0 ||
         strcasecmp(name, "publishdate") == 0 || strcasecmp(name, "article:published_time") == 0))
        m->named_date = content;
}

static int scan_page(const GumboNode *root, meta *m)
{
    stack s = {0};
    int rc = push(&s, root);
    while (!rc && s.n) {
        frame *top = &s.v[s.n - 1];
        const GumboNode *n = top->node;
        if (top->next == 0 && is_element(n)) {
            switch (n->v.element.tag) {
            case GUMBO_TAG_TITLE: if (!m->title) m->title = n; break;
            case GUMBO_TAG_H1: if (!m->h1) m->h1 = n; break;
            case GUMBO_TAG_BODY: if (!m->body) m->body = n; break;
            case GUMBO_TAG_MAIN: if (!m->main) m->main = n; break;
            case GUMBO_TAG_META: note_meta(n, m); break;
            case GUMBO_TAG_ARTICLE:
                if (m->narticles < sizeof m->articles / sizeof m->articles[0])
                    m->articles[m->narticles++] = n;
                break;
            case GUMBO_TAG_TIME:
                if (!m->time_value && attr(n, "datetime"))
                    m->time_value = attr(n, "datetime");
                break;
            default: break;
            }
        }
        rc = step(&s);
    }
    free(s.v);
    return rc;
}

/* Plain text of a node (title, h1), NULL when it is empty. */
static int node_string(const GumboNode *n, char **out)
{
    writer w = {{0}, SEP_NONE};
    *out = NULL;
    if (!n)
        return 0;
    if (walk_text(n, NULL, 0, &w)) {
        ng_strbuf_free(&w.out);
        return NG_ENOMEM;
    }
    if (w.out.len)
        *out = ng_strbuf_steal(&w.out);
    ng_strbuf_free(&w.out);
    return 0;
}

/* First element with tag under root (root included), NULL if none. */
static const GumboNode *find_first(const GumboNode *root, GumboTag tag)
{
    stack s = {0};
    const GumboNode *hit = NULL;
    int rc = push(&s, root);
    while (!rc && s.n && !hit) {
        frame *top = &s.v[s.n - 1];
        const GumboNode *n = top->node;
        if (top->next == 0 && is_element(n) && n->v.element.tag == tag)
            hit = n;
        rc = step(&s);
    }
    free(s.v);
    return hit;
}

/* The article: the largest <article> by text, else <main>, else <body>. */
static int pick_root(const meta *m, const GumboNode *doc, const ng_furniture *f,
                     const GumboNode **root)
{
    *root = m->main ? m->main : m->body ? m->body : doc;
    size_t best = 0;
    for (size_t i = 0; i < m->narticles; i++) {
        writer w = {{0}, SEP_NONE};
        int rc = walk_text(m->articles[i], f, 1, &w);
        size_t len = w.out.len;
        ng_strbuf_free(&w.out);
        if (rc)
            return rc;
        if (len > best) {
            best = len;
            *root = m->articles[i];
        }
    }
    return 0;
}

/* ---- a guard before the parser ---- */

#define MAX_HTML_DEPTH 4000

/* Elements that never hold children or are closed implicitly by their
 * next sibling: they do not make the tree deeper. */
static int is_flat_tag(const char *name, size_t n)
{
    static const char *const flat[] = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
        "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body", "keygen",
    };
    for (size_t i = 0; i < sizeof flat / sizeof flat[0]; i++)
        if (strlen(flat[i]) == n && strncasecmp(flat[i], name, n) == 0)
            return 1;
    return 0;
}

/* Formatting elements: the HTML parser reopens every unclosed one at each
 * new block, so n of them over m blocks cost n x m elements. */
static int is_formatting_tag(const char *name, size_t n)
{
    static const char *const fmt[] = {"a", "b", "big", "code", "em", "font", "i", "nobr",
                                      "s", "small", "strike", "strong", "tt", "u"};
    for (size_t i = 0; i < sizeof fmt / sizeof fmt[0]; i++)
        if (strlen(fmt[i]) == n && strncasecmp(fmt[i], name, n) == 0)
            return 1;
    return 0;
}

#define MAX_OPEN_FORMATTING 200

static const char *find_bytes(const char *h, size_t i, size_t len, const char *needle)
{
    size_t k = strlen(needle);
    for (; i + k <= len; i++)
        if (strncasecmp(h + i, needle, k) == 0)
            return h + i;
    return NULL;
}

/* gumbo (0.10) is quadratic in nesting depth and frees its tree
 * recursively, so a page of a million nested <div>s would hang or crash
 * it. This scan counts open minus closed elements without building
 * anything (comments and raw-text elements skipped) and refuses pages
 * deeper than any real article. It only bounds the parser's work; the
 * text itself comes from gumbo's tree. */
static int nesting_guard(const char *name, const char *h, size_t len, ng_error *err)
{
    size_t depth = 0, formatting = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (h[i] != '<')
            continue;
        if (strncmp(h + i, "<!--", 4) == 0) {
            const char *e = find_bytes(h, i + 4, len, "-->");
            if (!e)
                break;
            i = (size_t)(e - h) + 2;
            continue;
        }
        int closing = h[i + 1] == '/';
        size_t a = i + 1 + (size_t)closing, b = a;
        while (b < len && (isalnum((unsigned char)h[b]) || h[b] == '-'))
            b++;
        if (b == a || !isalpha((unsigned char)h[a]))
            continue;
        if (closing) {
            if (depth && !is_flat_tag(h + a, b - a))
                depth--;
            if (formatting && is_formatting_tag(h + a, b - a))
                formatting--;
            continue;
        }
        size_t e = b;
        char quote = 0;
        for (; e < len && (quote || h[e] != '>'); e++)
            if (h[e] == '"' || h[e] == '\'') {
                if (!quote)
                    quote = h[e];
                else if (quote == h[e])
                    quote = 0;
            }
        static const char *const raw[] = {"script", "style", "textarea", "title", "xmp"};
        for (size_t r = 0; r < sizeof raw / sizeof raw[0]; r++)
            if (strlen(raw[r]) == b - a && strncasecmp(raw[r], h + a, b - a) == 0) {
                char close[16];
                snprintf(close, sizeof close, "</%s", raw[r]);
                const char *c = find_bytes(h, e, len, close);
                e = c ? (size_t)(c - h) : len;
            }
        if (!(e > b && h[e - 1] == '/') && is_formatting_tag(h + a, b - a) &&
            ++formatting > MAX_OPEN_FORMATTING)
            return ng_error_set(err, NG_EINPUT,
                                "%s: more than %d unclosed formatting elements (<b>, <i>, <a>, "
                                "...) at byte offset %zu; refusing to parse it",
                                name, MAX_OPEN_FORMATTING, a - 1);
        if (!(e > b && h[e - 1] == '/') && !is_flat_tag(h + a, b - a) &&
            ++depth > MAX_HTML_DEPTH)
            return ng_error_set(err, NG_EINPUT,
                                "%s: HTML nested more than %d elements deep at byte offset %zu; "
                                "refusing to parse it",
                                name, MAX_HTML_DEPTH, a - 1);
        i = e;
    }
    return 0;
}

int ngi_html_extract(const char *name, const char *html, size_t len, const ng_furniture *f,
                     ngi_html *out, ng_error *err)
{
    int rc = 0;
    memset(out, 0, sizeof *out);
    writer w = {{0}, SEP_NONE};
    meta m;
    memset(&m, 0, sizeof m);
    if ((rc = nesting_guard(name, html, len, err)))
        return rc;
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    if (!g)
        return ng_error_set(err, NG_EINTERNAL, "%s: the HTML parser failed", name);
    const GumboNode *root;
    if (scan_page(g->document, &m) || pick_root(&m, g->document, f, &root) ||
        walk_text(root, f, 1, &w) || ng_strbuf_append(&w.out, "", 0))
        goto nomem;
    /* The headline: an <h1> inside the article (a page-level <h1> is often
     * the site's logo), og:title, <title> (often with the site's name),
     * then any <h1>. */
    if (node_string(find_first(root, GUMBO_TAG_H1), &out->title))
        goto nomem;
    if (!out->title && m.og_title && !(out->title = strdup(m.og_title)))
        goto nomem;
    if (!out->title && node_string(m.title, &out->title))
        goto nomem;
    if (!out->title && node_string(m.h1, &out->title))
        goto nomem;
    const char *dates[] = {m.published, m.named_date, m.time_value};
    for (size_t i = 0; i < 3 && !out->date[0]; i++)
        if (dates[i])
            ngi_date_parse_iso(dates[i], strlen(dates[i]), out->date);
    out->len = w.out.len;
    out->text = ng_strbuf_steal(&w.out);
    if (!out->text)
        goto nomem;
    goto cleanup;
nomem:
    rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory extracting HTML", name);
    ngi_html_free(out);
cleanup:
    ng_strbuf_free(&w.out);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    return rc;
}

void ngi_html_free(ngi_html *h)
{
    free(h->text);
    free(h->title);
    h->text = h->title = NULL;
}
