package dev.sora4j.batch;

import static dev.sora4j.errors.SoraException.ref;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.guard.ContentRefusedException;
import dev.sora4j.guard.GuardText;
import dev.sora4j.guard.Verdict;
import dev.sora4j.preflight.TextFiles;
import dev.sora4j.rules.VideoRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a jobs file in the reference CLI's JSONL schema. Each line that is not blank and not a
 * {@code #} comment is a prompt string or an object with {@code prompt} and optional overrides.
 * Every line is validated before anything is sent; the first bad one fails the whole file, naming
 * its line number.
 */
public final class JobsFile {
    /** The most jobs one file may hold. */
    public static final int MAX_JOBS = 200;

    private final JobRequests requests;

    /**
     * A reader.
     *
     * @param rules the validation rules
     * @param defaults what every line gets unless it says otherwise
     * @param warn hears warnings about single lines
     */
    public JobsFile(VideoRules rules, BatchDefaults defaults, Consumer<String> warn) {
        this.requests = new JobRequests(rules::validate, defaults, warn);
    }

    /**
     * A reader that validates each line as {@code client} sends it: its provider's rules and
     * defaults, then its profile ({@link SoraClient#validate}).
     *
     * @param client the client the jobs will be sent with (a preview client is enough)
     * @param defaults what every line gets unless it says otherwise
     * @param warn hears warnings about single lines
     */
    public JobsFile(SoraClient client, BatchDefaults defaults, Consumer<String> warn) {
        this.requests = new JobRequests(client::validate, defaults, warn);
    }

    /**
     * Parses and validates {@code file}. Relative image paths are looked up in the working directory,
     * then beside the jobs file.
     *
     * @param file the file
     * @return the read
     * @throws InvalidRequestException naming the file, line and field at fault; nothing is sent
     */
    public List<BatchJob> read(Path file) {
        List<String> lines = TextFiles.read(ref("input"), file).lines().toList();
        Path baseDir = file.toAbsolutePath().getParent();
        List<BatchJob> jobs = new ArrayList<>();
        Map<String, Integer> lineByOut = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i).strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            if (jobs.size() == MAX_JOBS) {
                throw new InvalidRequestException(
                        "input",
                        file + " has more than " + MAX_JOBS + " jobs (line " + lineNo + " is job " + (MAX_JOBS + 1)
                                + "); split it into several files.");
            }
            BatchJob job;
            try {
                job = requests.job(raw, jobs.size() + 1, lineNo, baseDir);
            } catch (InvalidRequestException e) {
                throw new InvalidRequestException(
                        "input",
                        file.getFileName() + " line " + lineNo + ": "
                                + e.message(key -> key)); // a line names its JSONL keys, not flags
            }
            Integer clash = lineByOut.putIfAbsent(job.outName(), lineNo);
            if (clash != null) {
                throw new InvalidRequestException(
                        "input",
                        file.getFileName() + " line " + lineNo + ": output '" + job.outName()
                                + "' is also the output of line " + clash + "; give one of them another \"out\".");
            }
            jobs.add(job);
        }
        if (jobs.isEmpty()) {
            throw new InvalidRequestException(
                    "input", ref("input") + " " + file + " has no jobs (only blank or # comment lines).");
        }
        return jobs;
    }

    /**
     * Parses and validates one line of a jobs file, exactly as {@link #read} does for each line (a work
     * queue re-reads each line when a worker claims it).
     *
     * @param raw the line, stripped, not blank and not a comment
     * @param number the job's number
     * @param line the line's number, for messages
     * @param baseDir where relative image paths are looked up after the working directory
     * @return the job
     * @throws InvalidRequestException naming the line and field at fault
     */
    public BatchJob readLine(String raw, int number, int line, Path baseDir) {
        try {
            return requests.job(raw, number, line, baseDir);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("input", "line " + line + ": " + e.message(key -> key));
        }
    }

    /** The slug of a prompt, as default output names use it. */
    static String slug(String prompt) {
        return JobRequests.slug(prompt);
    }

    /**
     * Checks every job of a batch against the client's guardrails before any is sent: hits name the
     * jobs-file line ({@code line 3: prompt}).
     *
     * @param client the client whose guardrails apply
     * @param jobs the jobs as read from the jobs file
     * @return the verdict over all lines
     */
    public static Verdict check(SoraClient client, List<BatchJob> jobs) {
        List<GuardText> texts = new ArrayList<>();
        for (BatchJob job : jobs) {
            String prompt = job.request().prompt();
            if (prompt != null) {
                texts.add(GuardText.of("prompt", prompt).within("line " + job.line()));
            }
        }
        return client.guardrails().check(texts);
    }

    /**
     * As {@link #check(SoraClient, List)}, throwing when any line is refused; then every line's
     * input reference file is checked as a create would check it (type, size, faces).
     *
     * @param client the client whose guardrails and reference checks apply
     * @param jobs the jobs as read from the jobs file
     * @throws ContentRefusedException listing every refused line; nothing was sent
     * @throws InvalidRequestException when a line's input reference would be refused; nothing was sent
     */
    public static void requireAllowed(SoraClient client, List<BatchJob> jobs) {
        Verdict v = check(client, jobs);
        if (!v.isAllowed()) {
            throw new ContentRefusedException(v);
        }
        for (BatchJob job : jobs) {
            client.checkReference(job.request());
        }
    }
}
