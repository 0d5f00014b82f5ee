/**
 * The sora4j library's entry point, {@link dev.sora4j.SoraClient}: validated, ledger-recorded calls to any server that speaks
 * OpenAI's Videos API (create, edit, extend, remix, characters, retrieve, list, delete, wait, download), and dry-run
 * previews of them. Start with {@link dev.sora4j.SoraClient#builder()}.
 */
package dev.sora4j;
