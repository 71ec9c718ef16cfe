/* test_parser.c - the lexer and the parser: trees, attach points, and the
 * diagnostics for malformed scripts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parser/parse.h"

struct parsed {
	struct program *prog;
	char *errors; /* everything diag printed */
	int nerrors;
	struct source src;
};

static struct parsed parse_n(const char *text, size_t n, char **params, int nparams)
{
	struct parsed r = { 0 };
	r.src.name = "t.gt";
	r.src.text = text;
	r.src.len = n;
	size_t len;
	FILE *f = open_memstream(&r.errors, &len);
	struct diag d;
	diag_init(&d, &r.src);
	d.out = f;
	r.nerrors = parse_program(&r.src, &d, params, nparams, &r.prog);
	fclose(f);
	return r;
}

static struct parsed parse(const char *text, char **params, int nparams)
{
	return parse_n(text, strlen(text), params, nparams);
}

static void done(struct parsed *r)
{
	program_free(r->prog);
	free(r->errors);
}

static char *dump(struct parsed *r)
{
	struct strbuf sb;
	sb_init(&sb);
	ast_dump(r->prog, &sb, NULL);
	return sb_steal(&sb);
}

static void test_headline(void **state)
{
	struct parsed r = parse("uprobe:./main:main.sum { printf(\"%d\\n\", goarg(0)); }", NULL, 0);
	assert_int_equal(r.nerrors, 0);
	struct attach *a = r.prog->probes->attaches;
	assert_string_equal(a->provider, "uprobe");
	assert_string_equal(a->target, "./main");
	assert_string_equal(a->func, "main.sum");
	char *d = dump(&r);
	assert_string_equal(d, "Program\n"
			       " uprobe:./main:main.sum\n"
			       "  block\n"
			       "    expr\n"
			       "      call printf\n"
			       "        string \"%d\\n\"\n"
			       "        call goarg\n"
			       "          int 0\n");
	free(d);
	done(&r);
}

static void test_precedence(void **state)
{
	struct parsed r = parse("BEGIN { $x = 1 + 2 * 3 == 7 && !0 ? -1 : 2; }", NULL, 0);
	assert_int_equal(r.nerrors, 0);
	char *d = dump(&r);
	assert_string_equal(d, "Program\n"
			       " BEGIN\n"
			       "  block\n"
			       "    assign =\n"
			       "      variable $x\n"
			       "      ?:\n"
			       "        binop &&\n"
			       "          binop ==\n"
			       "            binop +\n"
			       "              int 1\n"
			       "              binop *\n"
			       "                int 2\n"
			       "                int 3\n"
			       "            int 7\n"
			       "          unop !\n"
			       "            int 0\n"
			       "        unop -\n"
			       "          int 1\n"
			       "        else\n"
			       "        int 2\n");
	free(d);
	done(&r);
}

/* Go symbol names hold '.', '/', '(', '*', ')'; quoted or not. */
static void test_go_names(void **state)
{
	struct parsed r = parse("uprobe:/usr/bin/caddy:\"net/http.(*conn).serve\","
				"u:./app:net/http.(*conn).serve, ur:./app:main.(*T).M+4 { }",
				NULL, 0);
	assert_int_equal(r.nerrors, 0);
	struct attach *a = r.prog->probes->attaches;
	assert_string_equal(a->func, "net/http.(*conn).serve");
	assert_string_equal(a->target, "/usr/bin/caddy");
	a = a->next;
	assert_string_equal(a->provider, "uprobe");
	assert_string_equal(a->func, "net/http.(*conn).serve");
	a = a->next;
	assert_string_equal(a->provider, "uretprobe");
	assert_string_equal(a->func, "main.(*T).M");
	assert_int_equal(a->offset, 4);
	done(&r);
}

/* No binary: uprobe:FUNC is a function of the -p process's executable. */
static void test_no_binary(void **state)
{
	struct parsed r = parse("uprobe:main.handle, ur:\"main.(*T).M\", u:main.f+4 { }", NULL, 0);
	assert_int_equal(r.nerrors, 0);
	struct attach *a = r.prog->probes->attaches;
	assert_string_equal(a->provider, "uprobe");
	assert_string_equal(a->target, "");
	assert_string_equal(a->func, "main.handle");
	a = a->next;
	assert_string_equal(a->provider, "uretprobe");
	assert_string_equal(a->target, "");
	assert_string_equal(a->func, "main.(*T).M");
	a = a->next;
	assert_string_equal(a->func, "main.f");
	assert_int_equal(a->offset, 4);
	done(&r);
	r = parse("uprobe: { }", NULL, 0);
	assert_int_equal(r.nerrors, 1);
	assert_non_null(strstr(r.errors, "missing function name"));
	done(&r);
}

static void test_predicate_division(void **state)
{
	struct parsed r = parse("uprobe:/bin/x:f /goarg(0) / 2 > 1/ { @[goarg(0)] = count(); }",
				NULL, 0);
	assert_int_equal(r.nerrors, 0);
	assert_non_null(r.prog->probes->pred);
	assert_int_equal(r.prog->probes->pred->kind, N_BINOP);
	assert_int_equal(r.prog->probes->pred->binop.op, '>');
	done(&r);
}

static void test_positional_attach(void **state)
{
	char *params[] = { "./main", "main.sum" };
	struct parsed r = parse("uprobe:$1:$2 { printf(\"%d\\n\", $#); }", params, 2);
	assert_int_equal(r.nerrors, 0);
	assert_string_equal(r.prog->probes->attaches->target, "./main");
	assert_string_equal(r.prog->probes->attaches->func, "main.sum");
	done(&r);
	r = parse("uprobe:$1:$3 { }", params, 2);
	assert_int_equal(r.nerrors, 1);
	assert_non_null(strstr(r.errors, "positional parameter $3 is not given (2 given)"));
	done(&r);
}

static void test_timers(void **state)
{
	struct parsed r = parse("interval:ms:100, profile:hz:99, i:s:1 { }", NULL, 0);
	assert_int_equal(r.nerrors, 0);
	struct attach *a = r.prog->probes->attaches;
	assert_string_equal(a->provider, "interval");
	assert_string_equal(a->target, "ms");
	assert_int_equal(a->freq, 100);
	assert_string_equal(a->next->provider, "profile");
	assert_int_equal(a->next->freq, 99);
	done(&r);
	r = parse("interval:xs:0 { }", NULL, 0);
	assert_int_equal(r.nerrors, 2);
	assert_non_null(strstr(r.errors, "unknown unit 'xs'"));
	assert_non_null(strstr(r.errors, "'0' is not a positive number"));
	done(&r);
}

static void test_statements(void **state)
{
	struct parsed r = parse("BEGIN { if ($a) { $b = 1 } else if ($c) { $b = 2; } else { $b = 3 }"
				" while ($i < 10) { $i++; if ($i == 5) { break; } continue; }"
				" for ($j : 0..5) { @s += $j; } unroll(3) { @u--; } return; }",
				NULL, 0);
	assert_int_equal(r.nerrors, 0);
	struct node *s = r.prog->probes->body->block.stmts;
	assert_int_equal(s->kind, N_IF);
	assert_int_equal(s->cond.els->kind, N_IF);
	assert_int_equal(s->cond.els->cond.els->kind, N_BLOCK);
	assert_int_equal(s->next->kind, N_WHILE);
	assert_int_equal(s->next->next->kind, N_FOR);
	assert_int_equal(s->next->next->next->kind, N_UNROLL);
	assert_int_equal(s->next->next->next->next->kind, N_RETURN);
	done(&r);
}

static void test_casts_and_tuples(void **state)
{
	struct parsed r = parse("BEGIN { $p = *(uint8 *)(reg(\"sp\") + 8); $t = (1, \"a\"); "
				"@m[$t.0, (int32)-1] = $t.1; }",
				NULL, 0);
	assert_int_equal(r.nerrors, 0);
	struct node *s = r.prog->probes->body->block.stmts;
	assert_int_equal(s->assign.value->kind, N_DEREF);
	assert_int_equal(s->assign.value->deref.ptr->kind, N_CAST);
	assert_true(s->assign.value->deref.ptr->cast.ptr);
	assert_string_equal(s->assign.value->deref.ptr->cast.ctype, "uint8");
	assert_int_equal(s->next->assign.value->kind, N_TUPLE);
	assert_int_equal(ast_count(s->next->next->assign.target->map.keys), 2);
	done(&r);
}

static void test_strings_and_numbers(void **state)
{
	struct parsed r = parse("BEGIN { printf(\"a\\tb\\x41\\101\\\"\", 0x10, 1_000_000); }", NULL, 0);
	assert_int_equal(r.nerrors, 0);
	struct node *call = r.prog->probes->body->block.stmts->exprstmt.expr;
	assert_string_equal(call->call.args->str.text, "a\tbAA\"");
	assert_int_equal(call->call.args->next->num.value, 16);
	assert_int_equal(call->call.args->next->next->num.value, 1000000);
	done(&r);
}

static void test_syntax_error_caret(void **state)
{
	struct parsed r = parse("BEGIN {\n  printf(\"x\" }\n", NULL, 0);
	assert_int_equal(r.nerrors, 1);
	assert_string_equal(r.errors, "t.gt:2:14: error: syntax error, unexpected '}', expecting ')'\n"
				      "  printf(\"x\" }\n"
				      "             ^\n");
	done(&r);
}

static void test_lost_braces_hint(void **state)
{
	struct parsed r = parse("uprobe:./main:main.sum < printf(\"x\") >", NULL, 0);
	assert_int_equal(r.nerrors, 1);
	assert_non_null(strstr(r.errors, "hint: use { } around a probe body"));
	done(&r);
}

static void test_unknown_probe_type(void **state)
{
	struct parsed r = parse("uprob:./main:main.sum { }", NULL, 0);
	assert_int_equal(r.nerrors, 1);
	assert_string_equal(r.errors, "t.gt:1:1: error: unknown probe type 'uprob'\n"
				      "uprob:./main:main.sum { }\n"
				      "^~~~~\n"
				      "hint: did you mean 'uprobe'?\n");
	done(&r);
}

static void test_several_errors(void **state)
{
	struct parsed r = parse("BEGIN { $x = ; }\nBEGIN { $y = 1 +; }\n", NULL, 0);
	assert_int_equal(r.nerrors, 2);
	assert_non_null(strstr(r.errors, "t.gt:1:14:"));
	assert_non_null(strstr(r.errors, "t.gt:2:17:"));
	done(&r);
}

static void test_bad_tokens(void **state)
{
	struct parsed r = parse("BEGIN { printf(\"abc); }", NULL, 0);
	assert_true(r.nerrors >= 1);
	assert_non_null(strstr(r.errors, "unterminated string"));
	done(&r);
	r = parse("BEGIN { $x = 99999999999999999999999; }", NULL, 0);
	assert_int_equal(r.nerrors, 1);
	assert_non_null(strstr(r.errors, "out of range"));
	done(&r);
	r = parse("/* never closed", NULL, 0);
	assert_true(r.nerrors >= 1);
	done(&r);
	r = parse("", NULL, 0);
	assert_int_equal(r.nerrors, 1);
	assert_non_null(strstr(r.errors, "no probes"));
	done(&r);
}

static void test_shebang(void **state)
{
	struct parsed r = parse("#!/usr/bin/env gotrace\n// comment\nBEGIN { } /* c */ END { }", NULL, 0);
	assert_int_equal(r.nerrors, 0);
	assert_int_equal(r.prog->nprobes, 2);
	done(&r);
}

/* A timer's period must fit in 64 bits of nanoseconds (it wrapped). */
static void test_timer_overflow(void **state)
{
	struct parsed r = parse("interval:s:18446744074 { } interval:s:18446744073 { } i:ms:18446744073710 { } i:us:99999999999999999999 { }",
				NULL, 0);
	assert_int_equal(r.nerrors, 3);
	assert_non_null(strstr(r.errors, "t.gt:1:12: error: interval: 18446744074 s is too long (at most 18446744073 s)"));
	assert_non_null(strstr(r.errors, "t.gt:1:60: error: interval: 18446744073710 ms is too long (at most 18446744073709 ms)"));
	assert_non_null(strstr(r.errors, "t.gt:1:84: error: interval: '99999999999999999999' is not a positive number"));
	done(&r);
}

/* Integer literals: every digit counts (130 zeros then 7 is 7), and 1e6
 * is bpftrace's 1000000; a fraction or more than 64 bits is an error. */
static void test_number_literals(void **state)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, "BEGIN { $a = ");
	for (int i = 0; i < 130; i++)
		sb_putc(&sb, '0');
	sb_puts(&sb, "7; $b = 1e6; $c = 2.5e3; $d = 1_000e3; $e = 0x1e6; $f = 150e-1; $g = 0e99; }");
	struct parsed r = parse(sb.s, NULL, 0);
	assert_int_equal(r.nerrors, 0);
	int64_t want[] = { 7, 1000000, 2500, 1000000, 0x1e6, 15, 0 };
	struct node *st = r.prog->probes->body->block.stmts;
	for (size_t i = 0; i < ARRAY_SIZE(want); i++, st = st->next) {
		assert_int_equal(st->assign.value->kind, N_INT);
		assert_int_equal(st->assign.value->num.value, want[i]);
	}
	done(&r);
	sb_free(&sb);

	r = parse("BEGIN { $a = 1e-3; $b = 1.5e0; $c = 1e20; $d = 18446744073709551616; $e = 1e6x; }", NULL, 0);
	assert_int_equal(r.nerrors, 5);
	assert_non_null(strstr(r.errors, "t.gt:1:14: error: '1e-3' is not a whole number"));
	assert_non_null(strstr(r.errors, "t.gt:1:25: error: '1.5e0' is not a whole number"));
	assert_non_null(strstr(r.errors, "t.gt:1:37: error: '1e20' is out of range"));
	assert_non_null(strstr(r.errors, "t.gt:1:48: error: integer literal '18446744073709551616' is out of range"));
	assert_non_null(strstr(r.errors, "t.gt:1:75: error: invalid number '1e6x'"));
	done(&r);
}

/* Bytes no token starts with: a located error each (not "unexpected end
 * of input"), and the rest of the script is still read; a NUL byte does
 * not end the script. #include is said to be unsupported. */
static void test_stray_bytes(void **state)
{
	struct parsed r = parse("BEGIN { \xc3\xa9 $x = 1; }", NULL, 0);
	assert_int_equal(r.nerrors, 1);
	assert_string_equal(r.errors, "t.gt:1:9: error: unexpected byte 0xc3: non-ASCII text belongs in a string\n"
				      "BEGIN { \xc3\xa9 $x = 1; }\n"
				      "        ^\n");
	done(&r);
	r = parse("uprobe:./a:b \xff { }", NULL, 0);
	assert_int_equal(r.nerrors, 1);
	assert_non_null(strstr(r.errors, "t.gt:1:14: error: unexpected byte 0xff"));
	done(&r);

	static const char nul[] = "BEGIN { }\0 END { $x = ; }";
	r = parse_n(nul, sizeof(nul) - 1, NULL, 0);
	assert_int_equal(r.nerrors, 2);
	assert_string_equal(r.errors, "t.gt:1:10: error: unexpected NUL byte: a script is text\n"
				      "BEGIN { }? END { $x = ; }\n"
				      "         ^\n"
				      "t.gt:1:23: error: syntax error, unexpected ';'\n"
				      "BEGIN { }? END { $x = ; }\n"
				      "                      ^\n");
	done(&r);

	r = parse("#include <linux/sched.h>\nBEGIN { }", NULL, 0);
	assert_int_equal(r.nerrors, 1);
	assert_non_null(strstr(r.errors, "t.gt:1:1: error: #include is not supported"));
	done(&r);
}

/* A diagnostic on a very long line shows a window around the caret. */
static void test_long_line(void **state)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_puts(&sb, "BEGIN { $x = 1;");
	for (int i = 0; i < 50000; i++)
		sb_putc(&sb, ' ');
	sb_puts(&sb, "$y = ;");
	for (int i = 0; i < 50000; i++)
		sb_putc(&sb, 'x');
	sb_puts(&sb, " }");
	struct parsed r = parse(sb.s, NULL, 0);
	assert_int_equal(r.nerrors, 1);
	print_message("%s", r.errors);
	assert_true(strlen(r.errors) < 600);
	assert_non_null(strstr(r.errors, "t.gt:1:50021: error: syntax error, unexpected ';'\n..."));
	assert_non_null(strstr(r.errors, " $y = ;xxxx"));
	assert_non_null(strstr(r.errors, "xxx...\n"));
	/* the caret is under the ';' */
	const char *l2 = strchr(r.errors, '\n') + 1, *l3 = strchr(l2, '\n') + 1;
	assert_int_equal(l2[strchr(l3, '^') - l3], ';');
	done(&r);
	sb_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headline),
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_go_names),
		cmocka_unit_test(test_predicate_division),
		cmocka_unit_test(test_positional_attach),
		cmocka_unit_test(test_no_binary),
		cmocka_unit_test(test_timers),
		cmocka_unit_test(test_statements),
		cmocka_unit_test(test_casts_and_tuples),
		cmocka_unit_test(test_strings_and_numbers),
		cmocka_unit_test(test_syntax_error_caret),
		cmocka_unit_test(test_lost_braces_hint),
		cmocka_unit_test(test_unknown_probe_type),
		cmocka_unit_test(test_several_errors),
		cmocka_unit_test(test_bad_tokens),
		cmocka_unit_test(test_shebang),
		cmocka_unit_test(test_timer_overflow),
		cmocka_unit_test(test_number_literals),
		cmocka_unit_test(test_stray_bytes),
		cmocka_unit_test(test_long_line),
	};
	return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}
