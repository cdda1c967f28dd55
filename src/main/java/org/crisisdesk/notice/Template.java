package org.crisisdesk.notice;

/**
 * A notice template: text with placeholders and optional sections (see {@link NoticeRenderer}).
 *
 * @param id the stored row, or null for a template not (yet) saved
 * @param builtIn one of the shipped templates (can be edited and reset to its shipped text)
 */
public record Template(Long id, NoticeLang lang, String name, String body, boolean builtIn) {}
