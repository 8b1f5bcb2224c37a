"""Self-test for support-matrix.py. Run from the repository root: python3 -m unittest scripts/test_support_matrix.py"""

import contextlib
import importlib.util
import io
import json
import sys
import tempfile
import unittest
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("support_matrix", Path(__file__).with_name("support-matrix.py"))
support_matrix = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = support_matrix
_SPEC.loader.exec_module(support_matrix)

README = """# Project

Intro.

<!-- support-matrix:start -->
stale content
<!-- support-matrix:end -->

Footer.
"""


def rule(rule_id, name, result, reason=None):
    return {"rule": rule_id, "name": name, "result": result, "reason": reason, "durationMs": 3}


class SupportMatrixTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.root = Path(self._tmp.name)
        (self.root / "README.md").write_text(README, encoding="utf-8")
        self.report("adapter-local", "local", "StateStoreConformance", [
            rule("state01", "jsonTypesRoundTrip", "PASSED"),
            rule("state02", "conditionalPut", "FAILED", "version ignored"),
            rule("state10", "bigValues", "GAP", "items are limited to 400 KB | no blobs"),
        ])
        self.report("adapter-local", "local", "QueueConformance", [rule("queue01", "fifo", "ABORTED", "slow")])
        self.report("adapter-aws", "aws", "StateStoreConformance", [rule("state01", "jsonTypesRoundTrip", "PASSED")])

    def tearDown(self):
        self._tmp.cleanup()

    def report(self, module, adapter, suite, rules):
        directory = self.root / module / "target" / "conformance-reports" / adapter
        directory.mkdir(parents=True, exist_ok=True)
        body = {"adapter": adapter, "suite": suite, "rules": rules}
        (directory / f"{suite}.json").write_text(json.dumps(body), encoding="utf-8")

    def run_main(self, *args):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
            code = support_matrix.main(["--root", str(self.root), *args])
        return code, err.getvalue()

    def readme(self):
        return (self.root / "README.md").read_text(encoding="utf-8")

    def test_writes_one_row_per_rule_and_one_column_per_adapter(self):
        self.assertEqual(self.run_main()[0], 0)
        text = self.readme()
        self.assertTrue(text.startswith("# Project\n\nIntro.\n\n<!-- support-matrix:start -->\n"))
        self.assertTrue(text.endswith("<!-- support-matrix:end -->\n\nFooter.\n"))
        self.assertNotIn("stale content", text)
        self.assertIn("| Rule | Suite | Name | local | aws |", text)
        self.assertIn("| queue01 | QueueConformance | fifo | aborted: slow | — |", text)
        self.assertIn("| state01 | StateStoreConformance | jsonTypesRoundTrip | ✅ | ✅ |", text)
        self.assertIn("| state02 | StateStoreConformance | conditionalPut | ❌ | — |", text)
        self.assertIn("| state10 | StateStoreConformance | bigValues | gap: items are limited to 400 KB \\| no blobs | — |",
                      text)
        self.assertLess(text.index("| state02 "), text.index("| state10 "), "natural order of rule ids")
        self.assertIn("- **local**: 1 passed, 1 failed, 1 gaps, 1 aborted, 0 not run (of 4 rules)", text)
        self.assertIn("- **aws**: 1 passed, 0 failed, 0 gaps, 0 aborted, 3 not run (of 4 rules)", text)

    def test_runner_backed_columns_say_what_they_ran_against(self):
        self.report("adapter-gcp", "gcp-workflows", "WorkflowConformance", [rule("wf01", "sequence", "PASSED")])
        self.run_main()
        text = self.readme()
        self.assertIn("| Rule | Suite | Name | local | aws | gcp-workflows |", text)
        self.assertIn("(of 5 rules) — the Cloud Workflows engine on Skystate's Workflows runner", text)
        self.assertIn("not Google's engine", text)

    def test_check_reports_whether_readme_would_change(self):
        self.assertEqual(self.run_main("--check")[0], 1)
        self.assertEqual(self.readme(), README, "--check writes nothing")
        self.assertEqual(self.run_main()[0], 0)
        self.assertEqual(self.run_main("--check")[0], 0)
        self.report("adapter-aws", "aws", "QueueConformance", [rule("queue01", "fifo", "PASSED")])
        self.assertEqual(self.run_main("--check")[0], 1)

    def test_worst_result_wins_when_reports_overlap(self):
        self.report("other-module", "aws", "StateStoreConformance", [rule("state01", "jsonTypesRoundTrip", "FAILED")])
        self.run_main()
        self.assertIn("| state01 | StateStoreConformance | jsonTypesRoundTrip | ✅ | ❌ |", self.readme())

    def test_missing_readme_exits_2(self):
        (self.root / "README.md").unlink()
        code, err = self.run_main()
        self.assertEqual(code, 2)
        self.assertIn("does not exist", err)

    def test_missing_markers_exit_2(self):
        (self.root / "README.md").write_text("# Project\n<!-- support-matrix:start -->\n", encoding="utf-8")
        code, err = self.run_main("--check")
        self.assertEqual(code, 2)
        self.assertIn("support-matrix:end", err)

    def test_unreadable_report_exits_2(self):
        (self.root / "adapter-aws" / "target" / "conformance-reports" / "aws" / "Broken.json").write_text("{")
        self.assertEqual(self.run_main()[0], 2)
        self.assertEqual(self.readme(), README)


if __name__ == "__main__":
    unittest.main()
