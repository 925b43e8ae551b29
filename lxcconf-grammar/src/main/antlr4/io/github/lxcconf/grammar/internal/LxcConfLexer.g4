/*
 * Lexer for LXC (`lxc.key = value`) and Proxmox VE (`key: value`, `[section]`)
 * container configs.
 *
 * Modes follow the line: line start -> key -> separator -> value -> line end.
 * Every character of the input lands in exactly one token (nothing is skipped,
 * whitespace has tokens of its own) and every mode has a catch-all, so lexing
 * never fails and the tokens always join back to the input.
 *
 * The value is one coarse token: device rules, mount entries and property
 * strings are read later by the typed views, so a new key or value format is
 * never a lexical error. No inline comments: `#` after a separator is value.
 */
lexer grammar LxcConfLexer;

// ---- line start -----------------------------------------------------------

NEWLINE  : '\r\n' | '\n' | '\r' ;
WS       : [ \t]+ ;
HASH     : '#' -> pushMode(TEXT_MODE) ;
LBRACKET : '[' -> pushMode(SECTION_MODE) ;
// A key runs to the first blank, separator or line end.
KEY      : ~[ \t\r\n#[=:] ~[ \t\r\n=:]* -> pushMode(KEY_MODE) ;
// A line that starts with a separator has no key.
STRAY    : [=:] -> pushMode(TEXT_MODE) ;

// ---- the rest of a comment or of a line that is not config ----------------

mode TEXT_MODE;

TEXT         : ~[\r\n]+ ;
TEXT_NEWLINE : ('\r\n' | '\n' | '\r') -> type(NEWLINE), popMode ;

// ---- `[name]` section headers ---------------------------------------------

mode SECTION_MODE;

SECTION_NAME    : ~[\]\r\n]+ ;
RBRACKET        : ']' -> mode(AFTER_SECTION_MODE) ;
SECTION_NEWLINE : ('\r\n' | '\n' | '\r') -> type(NEWLINE), popMode ;

mode AFTER_SECTION_MODE;

AFTER_SECTION_WS      : [ \t]+ -> type(WS) ;
AFTER_SECTION_TEXT    : ~[ \t\r\n] ~[\r\n]* -> type(TEXT) ;
AFTER_SECTION_NEWLINE : ('\r\n' | '\n' | '\r') -> type(NEWLINE), popMode ;

// ---- after a key: blanks, then `=` or `:` ---------------------------------

mode KEY_MODE;

KEY_WS      : [ \t]+ -> type(WS) ;
SEP         : [=:] -> mode(VALUE_MODE) ;
// Anything else after the key: the line has no separator where one belongs.
KEY_TEXT    : ~[ \t\r\n=:] ~[\r\n]* -> type(TEXT), mode(TEXT_MODE) ;
KEY_NEWLINE : ('\r\n' | '\n' | '\r') -> type(NEWLINE), popMode ;

// ---- the value: one token, without the blanks around it -------------------

mode VALUE_MODE;

VALUE_WS      : [ \t]+ -> type(WS) ;
VALUE         : ~[ \t\r\n] (~[\r\n]* ~[ \t\r\n])? ;
VALUE_NEWLINE : ('\r\n' | '\n' | '\r') -> type(NEWLINE), popMode ;
