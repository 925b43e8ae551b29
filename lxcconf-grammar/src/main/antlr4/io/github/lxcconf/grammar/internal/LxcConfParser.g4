/*
 * Parser for LXC and Proxmox VE container configs: a flat list of lines.
 *
 * No left recursion, no recursion over lines: `config` is a loop of
 * `line NEWLINE` followed by a last line that may be empty. Every token
 * sequence LxcConfLexer can produce is accepted, so parsing is total; what a
 * line means in a dialect (an option, a raw `lxc.*` key, a line liblxc or
 * Proxmox would drop) is decided afterwards, in lxcconf-core.
 */
parser grammar LxcConfParser;

options { tokenVocab = LxcConfLexer; }

config   : (line eol=NEWLINE)* line EOF ;

line     : indent=WS? content? ;

content  : comment
         | section
         | entry
         | stray
         ;

comment  : HASH text=TEXT? ;

section  : LBRACKET name=SECTION_NAME? (close=RBRACKET trailingWs=WS? rest=TEXT?)? ;

entry    : key=KEY beforeSep=WS?
           ( sep=SEP ( afterSep=WS? value=VALUE trailingWs=WS? | afterSep=WS )?
           | rest=TEXT
           )? ;

stray    : STRAY rest=TEXT? ;
