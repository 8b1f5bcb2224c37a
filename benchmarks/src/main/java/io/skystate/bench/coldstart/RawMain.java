package io.skystate.bench.coldstart;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Cold-start floor: no framework, no library. Reads one JSON line {@code {"name":"..."}} from stdin and writes
 * {@code {"greeting":"hello ..."}}. The same trivial handler as {@link SkystateMain} and {@link SpringMain}.
 */
public final class RawMain {
    private RawMain() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        int key = line.indexOf("\"name\"");
        int start = line.indexOf('"', line.indexOf(':', key) + 1) + 1;
        String name = line.substring(start, line.indexOf('"', start));
        System.out.println("{\"greeting\":\"hello " + name + "\"}");
        System.out.flush();
    }
}
