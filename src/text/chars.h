/* chars.h - Unicode character classes the text layer needs. Only what
 * news text uses: Latin, Greek and Cyrillic letters, general punctuation,
 * the quote marks of English and European typography. */
#ifndef NG_TEXT_CHARS_H
#define NG_TEXT_CHARS_H

#include <stdint.h>

static inline int ng_cp_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' ||
           c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0xFEFF;
}

static inline int ng_cp_is_dquote(uint32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB ||
           c == 0xBB;
}

static inline int ng_cp_is_squote(uint32_t c)
{
    return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x2039 || c == 0x203A;
}

static inline int ng_cp_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

static inline int ng_cp_is_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F)
        return (c & 1) == 0;
    if (c >= 0x391 && c <= 0x3A9)
        return 1;
    return c >= 0x400 && c <= 0x42F;
}

static inline int ng_cp_is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (c == 0xAA || c == 0xB5 || c == 0xBA)
        return 1;
    if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0xFFFD)
        return 0;
    if (ng_cp_is_space(c) || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F))
        return 0;
    return 1;
}

static inline int ng_cp_is_lower(uint32_t c) { return ng_cp_is_letter(c) && !ng_cp_is_upper(c); }

#endif
