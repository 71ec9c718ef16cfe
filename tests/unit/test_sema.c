/* test_sema.c - names, types, builtins and maps: what the semantic pass
 * accepts, what type it gives, and what it reports (with places). Also
 * that codegen turns checked programs into a BPF object in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "codegen/codegen.h"
#include "parser/parse.h"
#include "sema/sema.h"

struct checked {
	struct source src;
	struct program *prog;
	struct probe_env *envs;
	struct sema s;
	char *errors;
	int nerrors;
};

/* Parses and checks text; probes get an environment like a gc Go binary
 * with the register ABI would give them. */
static struct checked *check(const char *text)
{
	struct checked *c = calloc(1, sizeof(*c));
	c->src.name = "t.gt";
	c->src.text = text;
	c->src.len = strlen(text);
	size_t len;
	FILE *f = open_memstream(&c->errors, &len);
	struct diag d;
	diag_init(&d, &c->src);
	d.out = f;
	c->nerrors = parse_program(&c->src, &d, NULL, 0, &c->prog);
	if (!c->nerrors) {
		c->envs = calloc((size_t)c->prog->nprobes, sizeof(*c->envs));
		for (struct probe *p = c->prog->probes; p; p = p->next) {
			struct probe_env *e = &c->envs[p->index];
			for (struct attach *a = p->attaches; a; a = a->next)
				e->kinds |= PKM(probe_kind_of(a->provider));
			e->compiler = GOC_GC;
			e->abi = GOABI_REG;
			e->goid_ok = true;
			e->goid_off = 152;
		}
		sema_init(&c->s, c->prog, &d, c->envs, 64);
		c->nerrors = sema_check(&c->s);
	}
	fclose(f);
	return c;
}

static void done(struct checked *c)
{
	if (c->envs)
		sema_free(&c->s);
	free(c->envs);
	program_free(c->prog);
	free(c->errors);
	free(c);
}

static char *type_of_first_assign(struct checked *c)
{
	struct strbuf sb;
	sb_init(&sb);
	type_print(c->prog->probes->body->block.stmts->assign.value->type, &sb);
	return sb_steal(&sb);
}

static void expect_type(const char *expr, const char *want)
{
	char text[512];
	snprintf(text, sizeof(text), "uprobe:/x:f { $v = %s; }", expr);
	struct checked *c = check(text);
	if (c->nerrors)
		fprintf(stderr, "%s", c->errors);
	assert_int_equal(c->nerrors, 0);
	char *t = type_of_first_assign(c);
	assert_string_equal(t, want);
	free(t);
	done(c);
}

static void test_expression_types(void **state)
{
	expect_type("1 + 2", "int64");
	expect_type("pid", "uint64");
	expect_type("comm", "string[64]");
	expect_type("goarg(0) * 2", "int64");
	expect_type("gostr(goarg(0), goarg(1))", "string[64]");
	expect_type("(uint8)300", "uint8");
	expect_type("*(int32 *)(reg(\"sp\") + 8)", "int32");
	expect_type("(1, \"a\", comm)", "(int64, string[64], string[64])");
	expect_type("comm == \"main\"", "int64");
	expect_type("goid", "uint64");
	expect_type("ustack", "ustack");
	expect_type("usym(reg(\"ip\"))", "usym");
	expect_type("func", "func");
	expect_type("strlen(comm)", "int64");
}

static void expect_error(const char *text, const char *want)
{
	struct checked *c = check(text);
	if (!strstr(c->errors ? c->errors : "", want))
		fprintf(stderr, "wanted: %s\ngot:\n%s", want, c->errors);
	assert_true(c->nerrors > 0);
	assert_non_null(strstr(c->errors, want));
	done(c);
}

static void test_errors(void **state)
{
	expect_error("uprobe:/x:f { printf(\"%s\\n\", gostrr(goarg(0), goarg(1))); }",
		     "t.gt:1:30: error: unknown function 'gostrr'\n"
		     "uprobe:/x:f { printf(\"%s\\n\", gostrr(goarg(0), goarg(1))); }\n"
		     "                             ^~~~~~\n"
		     "hint: did you mean 'gostr'?\n");
	expect_error("uprobe:/x:f { $a = $b; }", "undefined variable '$b'");
	expect_error("uprobe:/x:f { $a = pidd; }", "hint: did you mean 'pid'?");
	expect_error("uprobe:/x:f { @x = sum(\"a\"); }",
		     "type mismatch: sum() needs an integer here, but this is a string[64]");
	expect_error("uprobe:/x:f { $s = comm; $s = 1; }", "type mismatch: $s is string[64] (from 1:15) but this is int64");
	expect_error("uprobe:/x:f { $x = comm + 1; }", "'+' needs integers");
	expect_error("uprobe:/x:f { $x = comm < \"a\"; }", "strings can only be compared with == and !=");
	expect_error("uprobe:/x:f { break; }", "break outside a loop");
	expect_error("uprobe:/x:f { $x = goarg(); }", "goarg() takes 1 argument, 0 given");
	expect_error("uprobe:/x:f { $x = goarg($y); }", "undefined variable '$y'");
	expect_error("uprobe:/x:f { $x = reg(\"rxx\"); }", "unknown register 'rxx'");
	expect_error("BEGIN { $x = retval; }", "retval cannot be used in a BEGIN probe");
	expect_error("BEGIN { $x = goarg(0); }", "goarg cannot be used in a BEGIN probe");
	expect_error("uprobe:/x:f { count(); }", "count() is an aggregation: assign it to a map");
	expect_error("uprobe:/x:f { $c = count(); }", "an aggregation can only be assigned to a map");
}

static void test_printf_checks(void **state)
{
	expect_error("BEGIN { printf(\"%d %d\\n\", 1); }", "printf: the format wants more arguments than the 1 given");
	expect_error("BEGIN { printf(\"%d\\n\", 1, 2); }", "printf: more arguments than conversions");
	expect_error("BEGIN { printf(\"%d\\n\", comm); }", "printf: %d expects an integer, but argument 1 is a string[64]");
	expect_error("BEGIN { printf(\"%w\\n\", 1); }", "printf: unknown conversion '%w'");
	expect_error("BEGIN { printf(comm); }", "printf() needs a string literal here");
	struct checked *c = check("BEGIN { printf(\"%-5s|%05d|%x|%%|%c|%p|%lu\\n\", comm, 1, 2, 65, 0, 7); }");
	assert_int_equal(c->nerrors, 0);
	assert_int_equal(c->s.fmts.n, 1);
	assert_int_equal(c->s.fmts.v[0].args->nelems, 6);
	done(c);
}

static void test_maps(void **state)
{
	struct checked *c = check("uprobe:/x:f { @calls = count(); @by[comm, pid] = sum(goarg(0)); "
				  "@s[goid] = nsecs; } uretprobe:/x:f /@s[goid]/ { @lat = hist(nsecs - @s[goid]); "
				  "delete(@s[goid]); @l = lhist(goret(0), 0, 100, 10); }");
	if (c->nerrors)
		fprintf(stderr, "%s", c->errors);
	assert_int_equal(c->nerrors, 0);
	assert_int_equal(c->s.maps.n, 5);
	struct mapinfo *by = c->s.maps.v[1];
	assert_string_equal(by->name, "by");
	assert_int_equal(by->nkeys, 2);
	assert_int_equal(by->key->kind, TY_TUPLE);
	assert_int_equal(by->val->kind, TY_SUM);
	assert_int_equal(c->s.maps.v[4]->val->kind, TY_LHIST);
	done(c);
}

static void test_map_conflicts(void **state)
{
	expect_error("uprobe:/x:f { @m[1] = count(); } uprobe:/x:g { @m[\"a\"] = count(); }",
		     "@m is used with key string[64] here but with key int64 at 1:15");
	expect_error("uprobe:/x:f { @m = count(); } uprobe:/x:g { @m = sum(1); }",
		     "@m is assigned sum here but holds count elsewhere");
	expect_error("uprobe:/x:f { @m = 1; } uprobe:/x:g { @m = comm; }",
		     "@m is assigned string[64] here but holds int64 elsewhere");
	expect_error("uprobe:/x:f { @c = count(); $x = @c + 1; }",
		     "@c holds a count() aggregation, which cannot be read as a value in a probe");
	expect_error("uprobe:/x:f { $x = @never; }", "@never is read but never assigned");
	expect_error("uprobe:/x:f { @l = lhist(goarg(0), 0, 100, 0); }", "lhist(): step must be positive, not 0");
	expect_error("uprobe:/x:f { @l = lhist(goarg(0), 10, 5, 1); }", "lhist(): max (5) must be above min (10)");
}

/* A map read in an earlier probe than the one that writes it. */
static void test_map_used_before_assigned(void **state)
{
	struct checked *c = check("interval:s:1 { printf(\"%d\\n\", @n); } uprobe:/x:f { @n = @n + 1; }");
	assert_int_equal(c->nerrors, 0);
	done(c);
}

static void test_codegen_object(void **state)
{
	struct checked *c = check("uprobe:/x:f /goarg(0) > 10/ { printf(\"%d %s\\n\", goarg(0), gostr(goarg(1), goarg(2))); "
				  "@c[comm] = count(); @h = hist(goarg(0)); @l = lhist(goarg(0), 0, 100, 10); "
				  "@s = stats(goarg(0)); @m = min(goarg(0)); @x = max(goarg(0)); @a = avg(goarg(0)); "
				  "$i = 0; while ($i < 4) { $i++; } for ($j : 0..3) { @t += $j; } "
				  "if (strcontains(comm, \"ma\")) { @k[goid] = nsecs; } }"
				  "BEGIN { printf(\"%d\\n\", -7 / 2); exit(); }");
	if (c->nerrors)
		fprintf(stderr, "%s", c->errors);
	assert_int_equal(c->nerrors, 0);
	struct cg_opts o = { 0 };
	struct blob obj = { 0 };
	assert_int_equal(codegen(&c->s, &o, &obj), 0);
	assert_true(obj.size > 64);
	assert_memory_equal(obj.data, "\177ELF", 4);
	blob_free(&obj);
	done(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expression_types),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_printf_checks),
		cmocka_unit_test(test_maps),
		cmocka_unit_test(test_map_conflicts),
		cmocka_unit_test(test_map_used_before_assigned),
		cmocka_unit_test(test_codegen_object),
	};
	return cmocka_run_group_tests_name("sema", tests, NULL, NULL);
}
