package org.crisisdesk.notice;

import java.util.List;
import java.util.Optional;

/**
 * The shipped templates. The Korean ones read as a person would write them ("14:00 현재 물류팀이 4단계 중 2단계(재배송
 * 준비)를 진행 중입니다."); every fact sits in an optional section so a missing fact drops its words, not the grammar.
 */
public final class Templates {
    /** Placeholders a template may use. */
    public static final List<String> PLACEHOLDERS = List.of("asOf", "department", "stage", "stepOf", "eta",
            "nextUpdate", "link", "category", "count", "done", "next");

    public static final String KO_STANDARD = "기본";
    public static final String KO_COUNT = "문의 건수 포함";
    public static final String KO_RESOLVED = "완료 안내";
    public static final String EN_STANDARD = "Standard";
    public static final String EN_COUNT = "With count";
    public static final String EN_RESOLVED = "Resolved";

    private static final List<Template> BUILT_IN = List.of(
            new Template(null, NoticeLang.KO, KO_STANDARD,
                    "[{category} 안내] {asOf} 현재 [[{department:이/가} ]][[{stepOf}({stage})를 |{stepOf}를 |조치를 ]]"
                            + "진행 중입니다.[[ 완료: {done}.]][[ 다음 작업: {next}.]]"
                            + "[[ 다음 안내 {nextUpdate}, 완료 예상 {eta}.| 다음 안내 {nextUpdate}.| 완료 예상 {eta}.]]"
                            + "[[ 자세히: {link}]]",
                    true),
            new Template(null, NoticeLang.KO, KO_COUNT,
                    "[{category} 안내][[ 문의 {count}건에 답변드립니다.]] {asOf} 현재 [[{department:이/가} ]]"
                            + "[[{stepOf}({stage})를 |{stepOf}를 |조치를 ]]진행 중입니다.[[ 완료: {done}.]]"
                            + "[[ 다음 작업: {next}.]]"
                            + "[[ 다음 안내 {nextUpdate}, 완료 예상 {eta}.| 다음 안내 {nextUpdate}.| 완료 예상 {eta}.]]"
                            + "[[ 자세히: {link}]]",
                    true),
            new Template(null, NoticeLang.KO, KO_RESOLVED,
                    "[{category} 안내] {asOf} 현재 [[{department:이/가} ]][[{stepOf}({stage})까지 |{stepOf}까지 ]]"
                            + "조치를 마쳤습니다.[[ 완료: {done}.]][[ 다음 작업: {next}.]][[ 다음 안내 {nextUpdate}.]]"
                            + "[[ 자세히: {link}]]",
                    true),
            new Template(null, NoticeLang.EN, EN_STANDARD,
                    "[{category} update] As of {asOf}, [[{department} is|we are]] "
                            + "[[on {stepOf} ({stage})|on {stepOf}|working on it]].[[ Done: {done}.]][[ Next: {next}.]]"
                            + "[[ Next update {nextUpdate}, expected fix by {eta}.| Next update {nextUpdate}."
                            + "| Expected fix by {eta}.]][[ Details: {link}]]",
                    true),
            new Template(null, NoticeLang.EN, EN_COUNT,
                    "[{category} update][[ Answering {count} messages.]] As of {asOf}, [[{department} is|we are]] "
                            + "[[on {stepOf} ({stage})|on {stepOf}|working on it]].[[ Done: {done}.]][[ Next: {next}.]]"
                            + "[[ Next update {nextUpdate}, expected fix by {eta}.| Next update {nextUpdate}."
                            + "| Expected fix by {eta}.]][[ Details: {link}]]",
                    true),
            new Template(null, NoticeLang.EN, EN_RESOLVED,
                    "[{category} resolved] As of {asOf}, [[{department} has|we have]] completed "
                            + "[[{stepOf} ({stage})|{stepOf}|the work]].[[ Done: {done}.]][[ Next: {next}.]]"
                            + "[[ Next update {nextUpdate}.]][[ Details: {link}]]",
                    true));

    private Templates() {}

    public static List<Template> builtIn() {
        return BUILT_IN;
    }

    public static List<Template> builtIn(NoticeLang lang) {
        return BUILT_IN.stream().filter(t -> t.lang() == lang).toList();
    }

    public static Optional<Template> builtIn(NoticeLang lang, String name) {
        return BUILT_IN.stream().filter(t -> t.lang() == lang && t.name().equals(name)).findFirst();
    }

    /** The template a new notice starts with. */
    public static Template standard(NoticeLang lang) {
        return builtIn(lang, lang == NoticeLang.KO ? KO_STANDARD : EN_STANDARD).orElseThrow();
    }

    /** The template for a notice at its final step. */
    public static Template resolved(NoticeLang lang) {
        return builtIn(lang, lang == NoticeLang.KO ? KO_RESOLVED : EN_RESOLVED).orElseThrow();
    }
}
