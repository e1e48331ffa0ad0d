{#
    The kind of a document (dim_doc_kind: annual_plan, five_year_plan, work_report, progress_report,
    bulletin, rectification_report, other) from its coarse doc_type.

    TODO(issue 14): the loader is adding `doc_kind` to raw_documents. When it lands, stg_raw__documents
    reads that column instead (coalesce(doc_kind, provisional_doc_kind(doc_type)) while old raw files
    remain) and this macro goes away. This is the only place the provisional mapping lives.
#}
{% macro provisional_doc_kind(doc_type) -%}
    case {{ doc_type }}
        when 'plan' then 'annual_plan'
        when 'report' then 'progress_report'
        else 'other'
    end
{%- endmacro %}
