package dev.sora4j.guard;

/**
 * One rule that matched.
 *
 * @param category the rule's category
 * @param matched the words as they appear in the checked text
 * @param rule the rule entry that matched, as written in its rule file
 * @param field the text field the words came from
 * @param source the rule file the entry came from (a resource name or a path)
 */
public record Hit(Category category, String matched, String rule, String field, String source) {}
