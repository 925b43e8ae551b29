/*
 * Parser for LXC and Proxmox VE container configs: a flat list of lines.
 *
 * No left recursion, no recursion over lines: `config` is a loop of
 * `line NEWLINE` followed by a last line that may be empty. Every token
 * sequence LxcConfLexer can produce is accepted, so parsing is total; what a
 * line means in a dialect (an option, a raw `lxc.*` key, a line liblxc or
 * Proxmox would drop) is decided afterwards, in lxcconf-core.
 *
 * `line` is one rule with one alternative per shape, so that reading a line
 * costs one rule invocation; the labels name the parts a reader needs.
 */
parser grammar LxcConfParser;

options { tokenVocab = LxcConfLexer; }

config : (line eol=NEWLINE)* line EOF ;

line
    : indent=WS?
      ( // # comment
        hash=HASH text=TEXT?
      | // [section] header, possibly broken: [name, [a]] x
        open=LBRACKET name=SECTION_NAME? (close=RBRACKET trailingWs=WS? rest=TEXT?)?
      | // key = value, key: value, or a key followed by anything else
        key=KEY beforeSep=WS?
        ( sep=SEP ( afterSep=WS? value=VALUE trailingWs=WS? | afterSep=WS )?
        | rest=TEXT
        )?
      | // a line that starts with a separator
        stray=STRAY rest=TEXT?
      )?
    ;
