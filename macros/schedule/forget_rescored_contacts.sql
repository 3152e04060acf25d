{% macro forget_rescored_contacts() -%}
    {#- Pre-hook of the per-contact models (rescored_model_config): before a daily run appends
        the rows of the contacts it computes again, delete their current rows (every row when
        it computes every contact). Nothing on a first build or a full refresh. -#}
    {%- if is_incremental() -%}
        delete from {{ this }}
        {{- lead_scoring.rescored_contacts_only(lead_scoring.rescore_since()) }}
    {%- endif -%}
{%- endmacro %}
